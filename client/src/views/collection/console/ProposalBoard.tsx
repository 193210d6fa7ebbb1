/**
 * Every proposal as it arrives (SPEC TC-6), in three groups by decision: open,
 * accepted, rejected — side by side on a wide screen; on a laptop the open ones
 * beside the decided ones, so that each card has room for its buttons. Merged
 * proposals are not cards of their own: they are listed, collapsed, under the
 * proposal they went into (TC-7). A decision moves a card to another group;
 * the keyboard focus follows it there.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTerms, type FacilitatorProposalState } from '../ideas';
import { ProposalCard, type FocusRequest } from './ProposalCard';

type Column = 'open' | 'accepted' | 'rejected';

export function ProposalBoard({ state }: { state: FacilitatorProposalState }) {
  const { t } = useTranslation();
  const term = useTerms();
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const { proposals, workshop } = state;
  const names = new Map(workshop.config.organisations.map((o) => [o.id, o.name]));
  const originName = (organisationId: string | null) => (organisationId === null ? t('collection.console.moderation') : (names.get(organisationId) ?? organisationId));
  const targets = proposals.filter((p) => p.status !== 'merged');
  const readOnly = workshop.phase === 'finalised';
  const done = useCallback((message: string, next: FocusRequest | null) => {
    setAnnouncement(message);
    setFocus(next);
  }, []);
  const focused = useCallback(() => setFocus(null), []);

  const column = (status: Column) => {
    const items = proposals.filter((p) => p.status === status);
    return (
      <section className={`board-column column-${status}`} aria-labelledby={`column-${status}`}>
        <h3 id={`column-${status}`}>
          {t(`collection.console.columns.${status}`)} <span className="column-count">({items.length})</span>
        </h3>
        {items.length === 0 ? (
          <p className="hint">{term('console.columnEmpty')}</p>
        ) : (
          <ul className="proposal-list">
            {items.map((proposal) => (
              <li key={proposal.id}>
                <ProposalCard
                  proposal={proposal}
                  targets={targets}
                  originName={originName}
                  readOnly={readOnly}
                  showSupports={workshop.config.supportAllowed || proposal.supports > 0}
                  focus={focus}
                  onFocused={focused}
                  onDone={done}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  };

  return (
    <section className="panel proposal-board" aria-labelledby="board-title">
      <h2 id="board-title">{term('console.board')}</h2>
      <p className="hint">{term('console.boardHint')}</p>
      <p role="status" className="board-announcement">
        {announcement}
      </p>
      <div className="board-columns">
        {column('open')}
        <div className="board-decided">
          {column('accepted')}
          {column('rejected')}
        </div>
      </div>
    </section>
  );
}
