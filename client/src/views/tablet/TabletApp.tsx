/**
 * The participant's tablet: code → organisation → ballot → results. A device
 * that joined before resumes by its stored token, with its answers.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode, PublicWorkshopInfo } from '../../../../shared/protocol';
import { fetchWorkshopInfo, knownWorkshopInfo } from '../../net/http';
import { savedSession } from '../../net/session';
import { useStore } from '../../store';
import { ConnectionStatus } from '../common/ConnectionStatus';
import { LanguageSwitch } from '../common/LanguageSwitch';
import { Problem } from '../common/Problem';
import { normaliseCode } from './code';
import { CodeForm } from './CodeForm';
import { OrganisationForm } from './OrganisationForm';

/**
 * The socket layer (socket.io-client) and the ballot load after the join page
 * has painted, in the background: a tablet opened from the QR code shows the
 * workshop at once, and by the time someone picks an organisation they are there.
 */
const participant = () => import('../../net/participant');
const loadBallot = () => import('./Ballot');
const Ballot = lazy(() => loadBallot().then((module) => ({ default: module.Ballot })));

export function TabletApp({ initialCode }: { initialCode?: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    void participant();
    void loadBallot();
  }, []);
  const [code, setCode] = useState(() => normaliseCode(initialCode));
  // Opened from a QR code, the page already says which workshop this is: shown in the first render.
  const [known] = useState(() => (code ? knownWorkshopInfo(code) : null));
  const [info, setInfo] = useState<PublicWorkshopInfo | null>(known?.ok ? known.data : null);
  const [infoError, setInfoError] = useState<ErrorCode | 'network' | null>(known && !known.ok ? known.code : null);
  const [joining, setJoining] = useState(false);
  const me = useStore((s) => s.me);
  const problem = useStore((s) => s.problem);

  useEffect(() => {
    if (!code) return;
    let current = true;
    setInfoError(null);
    void fetchWorkshopInfo(code).then((reply) => {
      if (!current) return;
      if (reply.ok) setInfo(reply.data);
      else setInfoError(reply.code);
    });
    if (savedSession(code)) {
      setJoining(true);
      void participant().then((p) => p.joinAsParticipant(code));
    }
    return () => {
      current = false;
    };
  }, [code]);

  useEffect(() => {
    if (problem) setJoining(false);
  }, [problem]);

  const otherCode = () => {
    history.replaceState(null, '', '/join');
    setInfo(null);
    setCode('');
  };

  let content;
  if (!code || infoError === 'NOT_FOUND') {
    content = (
      <CodeForm
        error={infoError ? t(`errors.${infoError}`) : null}
        onCode={(next) => {
          history.replaceState(null, '', `/join/${next}`);
          setInfoError(null);
          setCode(next);
        }}
      />
    );
  } else if (problem === 'deleted') {
    content = null;
  } else if (me) {
    content = (
      <Suspense fallback={<p className="card">{t('connection.connecting')}</p>}>
        <Ballot />
      </Suspense>
    );
  } else if (joining && savedSession(code) && !problem) {
    // This device joined before: it is resuming, not joining afresh.
    content = <p className="card">{t('connection.connecting')}</p>;
  } else if (info) {
    content = (
      <>
        <OrganisationForm
          info={info}
          busy={joining && !problem}
          onOtherCode={otherCode}
          onJoin={(organisationId, displayName) => {
            setJoining(true);
            useStore.getState().setProblem(null);
            void participant().then((p) => p.joinAsParticipant(code, { organisationId, displayName: displayName || undefined }));
          }}
        />
      </>
    );
  } else if (infoError) {
    content = <Problem code={infoError} />;
  } else {
    content = <p className="card">{t('connection.connecting')}</p>;
  }

  return (
    <div className="app tablet">
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <ConnectionStatus />
      <main id="main" className="tablet-main">
        {problem && <Problem code={problem} />}
        {content}
      </main>
    </div>
  );
}
