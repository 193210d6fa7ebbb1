/**
 * Entry: one small route switch. The tablet is in the main bundle; the
 * facilitator console, the projector and the start page (with recharts and the
 * QR encoder) are separate chunks that tablets never load.
 */
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { languageReady } from './i18n';
import './styles.css';
import { prefetchWorkshopInfo } from './net/http';
import { normaliseCode } from './views/tablet/code';
import { TabletApp } from './views/tablet/TabletApp';

const screens = {
  moderation: () => import('./views/facilitator/FacilitatorApp'),
  projector: () => import('./views/projector/ProjectorApp'),
  home: () => import('./views/home/HomeApp'),
  process: () => import('./views/process/ProcessApp'),
  account: () => import('./views/account/AccountApp'),
};
/** Started early; should it fail, the lazy screen's own import reports it. */
const preload = (load: () => Promise<unknown>) => void load().catch(() => undefined);
const FacilitatorApp = lazy(screens.moderation);
const ProjectorApp = lazy(screens.projector);
const HomeApp = lazy(screens.home);
const ProcessApp = lazy(screens.process);
const AccountApp = lazy(screens.account);

/** The screen for this address; what it needs first starts loading now, also while a remembered language loads. */
function route() {
  const [, section = '', param = ''] = location.pathname.split('/');
  switch (section) {
    case 'join': {
      const code = normaliseCode(param);
      if (code) prefetchWorkshopInfo(code);
      return <TabletApp initialCode={param} />;
    }
    case 'moderation':
      preload(screens.moderation);
      return <FacilitatorApp workshopId={param} />;
    case 'projector':
      preload(screens.projector);
      return <ProjectorApp code={param.toUpperCase()} />;
    case 'prozess':
      preload(screens.process);
      return <ProcessApp processId={param} />;
    // Sign-in, first start, invitations, own account, accounts (administrators): one office chunk.
    case 'anmelden':
    case 'setup':
    case 'invite':
    case 'konto':
    case 'konten':
      preload(screens.account);
      return <AccountApp page={section} token={param} />;
    default:
      preload(screens.home);
      return <HomeApp />;
  }
}

const screen = route();
void languageReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Suspense fallback={null}>{screen}</Suspense>
    </StrictMode>,
  ),
);
