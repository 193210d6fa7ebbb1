/** How to join, on the projector: the QR code, the address and the code (read from the back of the room). */
import { useTranslation } from 'react-i18next';
import { QrCode } from '../common/QrCode';
import { displayCode } from '../tablet/code';

export function JoinInvitation({ code, large, qrSize }: { code: string; large: boolean; qrSize?: number }) {
  const { t } = useTranslation();
  const url = `${location.origin}/join/${code}`;
  return (
    <div className={large ? 'invite invite-large' : 'invite'}>
      <QrCode text={url} label={`${t('projector.joinAt')} ${url}`} size={qrSize ?? (large ? 360 : 160)} />
      <div>
        <p>
          {t('projector.joinAt')} <strong className="url">{`${location.host}/join`}</strong>
        </p>
        <p>
          {t('projector.withCode')} <strong className="join-code">{displayCode(code)}</strong>
        </p>
      </div>
    </div>
  );
}
