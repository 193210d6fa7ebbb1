/** A refusal that stops the screen: wrong code, wrong link, old version. */
import { useTranslation } from 'react-i18next';
import type { Problem as ProblemCode } from '../../store/connectionSlice';

export function Problem({ code, children }: { code: ProblemCode; children?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="banner banner-error">
      <p>{t(`errors.${code}`)}</p>
      {code === 'PROTOCOL_MISMATCH' && (
        <button type="button" onClick={() => location.reload()}>
          {t('connection.reload')}
        </button>
      )}
      {children}
    </div>
  );
}
