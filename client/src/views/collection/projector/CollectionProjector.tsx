/**
 * A theme collection on the projector (SPEC TC-10; 1920×1080 and 1280×720, no
 * scrolling): how to join while proposals are open, the accepted themes as
 * cards that appear live, and the counts of proposals and participants.
 * A chunk of its own, loaded by the projector only for a collection.
 */
import { useTranslation } from 'react-i18next';
import type { CollectionProjectorState } from '../../../../../shared/activities/collection/views';
import { BoardScreen } from './BoardScreen';

export default function CollectionProjector({ state }: { state: CollectionProjectorState }) {
  const { t } = useTranslation();
  const { workshop, accepted, counts } = state;
  const words = {
    heading: workshop.config.title,
    lead: t('collection.projector.lead'),
    acceptedTitle: t('collection.accepted.title'),
    acceptedEmpty: t('collection.accepted.empty'),
    counts: `${t('collection.count.proposals', { count: counts.proposals })} · ${t('collection.count.participants', { count: counts.participants })}`,
  };
  return <BoardScreen className="" code={workshop.code} phase={workshop.phase} participants={counts.participants} accepted={accepted} words={words} />;
}
