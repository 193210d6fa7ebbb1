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

const FacilitatorApp = lazy(() => import('./views/facilitator/FacilitatorApp'));
const ProjectorApp = lazy(() => import('./views/projector/ProjectorApp'));
const HomeApp = lazy(() => import('./views/home/HomeApp'));

function route() {
  const [, section = '', param = ''] = location.pathname.split('/');
  switch (section) {
    case 'join': {
      const code = normaliseCode(param);
      if (code) prefetchWorkshopInfo(code);
      return <TabletApp initialCode={param} />;
    }
    case 'moderation':
      return <FacilitatorApp workshopId={param} />;
    case 'projector':
      return <ProjectorApp code={param.toUpperCase()} />;
    default:
      return <HomeApp />;
  }
}

void languageReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Suspense fallback={null}>{route()}</Suspense>
    </StrictMode>,
  ),
);
