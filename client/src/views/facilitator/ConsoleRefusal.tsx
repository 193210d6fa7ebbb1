/**
 * Why the console does not open, and what to do about it: sign in, ask the
 * process's owner, or ask for a new co-facilitation link (SPEC AC-7, AC-8).
 */
import { useTranslation } from 'react-i18next';
import type { Problem as ProblemCode } from '../../store/connectionSlice';
import { Problem } from '../common/Problem';

/** The sign-in page comes back here; the address bar never holds a link's secret (it is taken out on arrival). */
export function signInHref(): string {
  return `/anmelden?next=${encodeURIComponent(location.pathname + location.search)}`;
}

export function ConsoleRefusal({ code, staleLink }: { code: ProblemCode; staleLink: boolean }) {
  const { t } = useTranslation();
  if (code !== 'NOT_SIGNED_IN' && code !== 'FORBIDDEN' && code !== 'UNAUTHORISED') return <Problem code={code} />;
  return (
    <div role="alert" className="banner banner-error">
      {code === 'NOT_SIGNED_IN' && <p>{t('facilitator.signInNeeded')}</p>}
      {code === 'FORBIDDEN' && <p>{t('facilitator.notFacilitator')}</p>}
      {code === 'UNAUTHORISED' && <p>{t('facilitator.linkEnded')}</p>}
      {staleLink && <p>{t('facilitator.staleLink')}</p>}
      <p>{code === 'FORBIDDEN' ? <a href="/">{t('facilitator.toStart')}</a> : <a href={signInHref()}>{t('facilitator.signIn')}</a>}</p>
    </div>
  );
}
