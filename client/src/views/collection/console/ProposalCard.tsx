/**
 * One proposal on the console: its text, origins and supports, the proposals
 * merged into it, and what the facilitator can do with it (TC-7, TC-8).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacilitatorProposalView } from '../../../../../shared/activities/collection/views';
import { decideProposal } from '../../../net/collection';
import { IdeaFacts } from '../../deepdive/idea/IdeaFacts';
import { useIdeas, useTerms } from '../ideas';
import { EditForm } from './EditForm';
import { MergeForm } from './MergeForm';
import { OperationStatus } from './OperationStatus';
import { useOperation } from './useOperation';

/** Focus this proposal once it shows with this status (after a decision it is in another column). */
export interface FocusRequest {
  id: string;
  status: FacilitatorProposalView['status'];
}

type Decision = 'open' | 'accepted' | 'rejected';

const DECISIONS: { status: Decision; label: string }[] = [
  { status: 'accepted', label: 'collection.console.accept' },
  { status: 'rejected', label: 'collection.console.reject' },
  { status: 'open', label: 'collection.console.reopenProposal' },
];

export function ProposalCard({
  proposal,
  targets,
  originName,
  readOnly,
  showSupports,
  focus,
  onFocused,
  onDone,
}: {
  proposal: FacilitatorProposalView;
  targets: FacilitatorProposalView[];
  originName: (organisationId: string | null) => string;
  readOnly: boolean;
  showSupports: boolean;
  focus: FocusRequest | null;
  onFocused: () => void;
  onDone: (message: string, focus: FocusRequest | null) => void;
}) {
  const { t } = useTranslation();
  const term = useTerms();
  const ideas = useIdeas();
  const [mode, setMode] = useState<'view' | 'edit' | 'merge'>('view');
  const [command, run] = useOperation();
  const card = useRef<HTMLElement>(null);
  const titleId = `proposal-${proposal.id}`;

  useEffect(() => {
    if (focus?.id !== proposal.id || focus.status !== proposal.status) return;
    card.current?.focus();
    onFocused();
  }, [focus, proposal.id, proposal.status, onFocused]);

  const origins = [...new Set(proposal.origins.map((o) => originName(o.organisationId)))];
  const mergedIn = proposal.origins.filter((o) => o.proposalId !== proposal.id);
  const decide = async (status: Decision) => {
    if (await run(() => decideProposal(proposal.id, status))) onDone(t(`collection.console.done.${status}`, { title: proposal.title }), { id: proposal.id, status });
  };
  const back = (message: string | null) => {
    setMode('view');
    if (message) onDone(message, null);
    card.current?.focus();
  };

  return (
    <article ref={card} tabIndex={-1} className={`proposal-card status-${proposal.status}`} aria-labelledby={titleId}>
      <h4 id={titleId} className="proposal-title">
        {proposal.title}
      </h4>
      {proposal.description && <p className="description">{proposal.description}</p>}
      {ideas && <IdeaFacts idea={proposal.idea} organisations={ideas.organisations} />}
      <p className="proposal-meta">
        {t('collection.console.from', { names: origins.join(', ') })}
        {showSupports && <> · {t('collection.support.count', { count: proposal.supports })}</>}
      </p>
      {mergedIn.length > 0 && (
        <details className="merged-origins">
          <summary>{term('console.merged', { count: mergedIn.length })}</summary>
          <ul>
            {mergedIn.map((o) => (
              <li key={o.proposalId}>{t('collection.console.mergedItem', { title: o.title, origin: originName(o.organisationId) })}</li>
            ))}
          </ul>
        </details>
      )}
      {!readOnly && mode === 'view' && (
        <div className="card-actions">
          {DECISIONS.filter((d) => d.status !== proposal.status).map((d) => (
            <button key={d.status} type="button" className={`small${d.status === 'accepted' ? ' primary' : ''}`} disabled={command.status === 'busy'} onClick={() => void decide(d.status)}>
              {t(d.label)}
            </button>
          ))}
          <button type="button" className="small" onClick={() => setMode('edit')}>
            {t('collection.console.edit')}
          </button>
          <button type="button" className="small" onClick={() => setMode('merge')}>
            {t('collection.console.merge')}
          </button>
        </div>
      )}
      {!readOnly && mode === 'edit' && <EditForm proposal={proposal} onClose={back} />}
      {!readOnly && mode === 'merge' && (
        <MergeForm
          proposal={proposal}
          targets={targets.filter((p) => p.id !== proposal.id)}
          onCancel={() => back(null)}
          onMerged={(target) => {
            setMode('view');
            onDone(t('collection.console.done.merged', { source: proposal.title, target: target.title }), { id: target.id, status: target.status });
          }}
        />
      )}
      <OperationStatus state={command} />
    </article>
  );
}
