/**
 * A deep-dive on the projector (SPEC DD-5; 1920×1080 and 1280×720, no
 * scrolling): the theme, how to join (in the room or from home) while ideas
 * are collected, the accepted ideas as cards with their lead and cost, live,
 * and the counts of ideas and participants.
 */
import { use } from 'react';
import { useTranslation } from 'react-i18next';
import type { AcceptedTheme } from '../../../../../shared/activities/collection/views';
import type { DeepDiveProjectorState } from '../../../../../shared/activities/deepdive/views';
import type { Organisation } from '../../../../../shared/schemas';
import { deepDiveReady } from '../../../i18n/deepdive';
import { BoardScreen } from '../../collection/projector/BoardScreen';
import { TierBadge } from '../../common/TierBadge';
import { formatEuro } from '../../../i18n';
import { organisationName } from '../../common/organisationName';
import '../deepdive.css';

function IdeaLine({ theme, organisations }: { theme: AcceptedTheme; organisations: readonly Organisation[] }) {
  const { t } = useTranslation();
  if (!theme.idea) return null;
  const lead = organisationName(theme.idea.leadOrganisationId, organisations);
  return (
    <span className="wall-idea">
      <span>
        {t('deepdive.facts.lead')}: {lead ?? t('deepdive.facts.none')}
      </span>
      <span className="wall-cost">{theme.idea.cost === null ? `${t('deepdive.facts.cost')}: ${t('deepdive.facts.open')}` : formatEuro(theme.idea.cost)}</span>
    </span>
  );
}

export default function DeepDiveProjector({ state }: { state: DeepDiveProjectorState }) {
  use(deepDiveReady);
  const { t } = useTranslation();
  const { workshop, accepted, counts } = state;
  const { config, phase } = workshop;
  const words = {
    heading: (
      <>
        {t('deepdive.heading', { theme: config.theme.name })} <TierBadge tier={config.theme.tier} />
      </>
    ),
    lead: t('deepdive.projector.lead'),
    acceptedTitle: t('deepdive.accepted.title'),
    acceptedEmpty: t('deepdive.accepted.empty'),
    counts: `${t('deepdive.count.proposals', { count: counts.proposals })} · ${t('collection.count.participants', { count: counts.participants })}`,
  };
  return (
    <BoardScreen
      className="deepdive-projector"
      code={workshop.code}
      phase={phase}
      participants={counts.participants}
      accepted={accepted}
      words={words}
      details={(theme) => <IdeaLine theme={theme} organisations={config.organisations} />}
    />
  );
}
