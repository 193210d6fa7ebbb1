import { useTranslation } from 'react-i18next';
import { QrCode } from '../common/QrCode';
import { displayCode } from '../tablet/code';
import { CopyField } from './CopyField';

export function ShareCard({ code }: { code: string }) {
  const { t } = useTranslation();
  const joinUrl = `${location.origin}/join/${code}`;
  const projectorUrl = `${location.origin}/projector/${code}`;
  return (
    <section className="panel share" aria-labelledby="share-title">
      <h2 id="share-title">{t('facilitator.share')}</h2>
      <div className="share-grid">
        <QrCode text={joinUrl} label={`${t('facilitator.joinLink')}: ${joinUrl}`} size={160} />
        <div className="stack">
          <p className="join-code" aria-label={`${t('join.code')}: ${code.split('').join(' ')}`}>
            {displayCode(code)}
          </p>
          <CopyField id="join-url" label={t('facilitator.joinLink')} value={joinUrl} />
          <CopyField id="projector-url" label={t('facilitator.projectorLink')} value={projectorUrl} />
          <a href={projectorUrl} target="_blank" rel="noopener">
            {t('facilitator.openProjector')}
          </a>
        </div>
      </div>
    </section>
  );
}
