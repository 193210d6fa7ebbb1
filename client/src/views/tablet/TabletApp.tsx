/**
 * The participant's tablet: code → organisation → ballot → results. A device
 * that joined before resumes by its stored token, with its answers.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepKind } from '../../../../shared/process';
import type { ErrorCode, PublicWorkshopInfo } from '../../../../shared/protocol';
import { fetchWorkshopInfo, knownWorkshopInfo } from '../../net/http';
import { markedStepKind } from '../../net/stepKind';
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
// Each other activity's screen and network module: chunks of their own, loaded only for that activity.
// A deep-dive's ideas are proposals: it joins through the collection's network module (DD-4).
const collection = () => import('../../net/collection');
const loadCollectionTablet = () => import('../collection/tablet/CollectionTablet');
const CollectionTablet = lazy(loadCollectionTablet);
const loadDeepDiveTablet = () => import('../deepdive/tablet/DeepDiveTablet');
const DeepDiveTablet = lazy(loadDeepDiveTablet);
const vision = () => import('../../net/vision');
const loadVisionTablet = () => import('../vision/tablet/VisionTablet');
const VisionTablet = lazy(loadVisionTablet);
const selection = () => import('../../net/selection');
const loadSelectionTablet = () => import('../selection/tablet/SelectionTablet');
const SelectionTablet = lazy(loadSelectionTablet);

function preload(kind: StepKind): void {
  switch (kind) {
    case 'collection':
      void collection();
      void loadCollectionTablet();
      return;
    case 'deepdive':
      void collection();
      void loadDeepDiveTablet();
      return;
    case 'vision':
      void vision();
      void loadVisionTablet();
      return;
    case 'selection':
      void selection();
      void loadSelectionTablet();
      return;
    case 'quickcheck':
      void participant();
      void loadBallot();
  }
}

/** Join for an organisation, or — without one — resume the session stored on this device, with the activity's own module. */
function joinWorkshop(kind: StepKind, code: string, first?: { organisationId: string; displayName?: string }): void {
  if (kind === 'collection' || kind === 'deepdive') void collection().then((c) => c.joinCollection(code, first));
  else if (kind === 'vision') void vision().then((v) => v.joinVision(code, first));
  else if (kind === 'selection') void selection().then((s) => s.joinSelection(code, first));
  else void participant().then((p) => p.joinAsParticipant(code, first));
}

function ActivityScreen({ activity }: { activity: StepKind | undefined }) {
  switch (activity) {
    case 'collection':
      return <CollectionTablet />;
    case 'deepdive':
      return <DeepDiveTablet />;
    case 'vision':
      return <VisionTablet />;
    case 'selection':
      return <SelectionTablet />;
    default:
      return <Ballot />;
  }
}

export function TabletApp({ initialCode }: { initialCode?: string }) {
  const { t } = useTranslation();
  const [code, setCode] = useState(() => normaliseCode(initialCode));
  // Opened from a QR code, the page already says which workshop this is: shown in the first render.
  const [known] = useState(() => (code ? knownWorkshopInfo(code) : null));
  useEffect(() => {
    preload(known?.ok ? known.data.kind : 'quickcheck');
  }, [known]);
  const [info, setInfo] = useState<PublicWorkshopInfo | null>(known?.ok ? known.data : null);
  const [infoError, setInfoError] = useState<ErrorCode | 'network' | null>(known && !known.ok ? known.code : null);
  const [joining, setJoining] = useState(false);
  const me = useStore((s) => s.me);
  const activity = useStore((s) => s.roleState?.activity);
  const problem = useStore((s) => s.problem);
  // Which activity the code runs: the public info says; should it not come, a device that joined a collection, deep-dive or vision remembers.
  const kind: StepKind | null =
    info && normaliseCode(info.code) === code ? info.kind : code && infoError && infoError !== 'NOT_FOUND' ? (markedStepKind(code) ?? 'quickcheck') : null;
  const resumed = useRef<string | null>(null);

  useEffect(() => {
    if (!code) return;
    let current = true;
    setInfoError(null);
    void fetchWorkshopInfo(code).then((reply) => {
      if (!current) return;
      if (reply.ok) {
        setInfo(reply.data);
        if (reply.data.kind !== 'quickcheck') preload(reply.data.kind);
      } else setInfoError(reply.code);
    });
    if (savedSession(code)) setJoining(true);
    return () => {
      current = false;
    };
  }, [code]);

  // This device joined before: resume, with the module of the code's activity once it is known.
  useEffect(() => {
    if (!code || !kind || resumed.current === code || !savedSession(code)) return;
    resumed.current = code;
    joinWorkshop(kind, code);
  }, [code, kind]);

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
        <ActivityScreen activity={activity} />
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
            joinWorkshop(info.kind, code, { organisationId, displayName: displayName || undefined });
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
