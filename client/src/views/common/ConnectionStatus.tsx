/** Announces connection problems politely (role=status) and shows them as a banner. */
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';

export function ConnectionStatus() {
  const { t } = useTranslation();
  const connection = useStore((s) => s.connection);
  const message = connection === 'offline' ? t('connection.offline') : connection === 'connecting' ? t('connection.connecting') : '';
  return (
    <div role="status" className={message ? 'banner banner-warning' : 'visually-hidden'}>
      {message}
    </div>
  );
}
