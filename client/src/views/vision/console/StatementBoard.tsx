/**
 * Every statement on the console (SPEC VI-7): principles, then future
 * pictures, each a card; the one under check first, so that the live tally is
 * in view. What a command did is announced in one live region.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisionFacilitatorState } from '../../../../../shared/activities/vision/views';
import { StatementCard } from './StatementCard';

export function StatementBoard({ state }: { state: VisionFacilitatorState }) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  // A check opened or closed moves the card: the keyboard focus follows it.
  const [focus, setFocus] = useState<string | null>(null);
  const done = useCallback((message: string, focusId: string | null) => {
    setAnnouncement(message);
    setFocus(focusId);
  }, []);
  const focused = useCallback(() => setFocus(null), []);
  const names = new Map(state.workshop.config.organisations.map((o) => [o.id, o.name]));
  const organisationName = (id: string) => names.get(id) ?? id;
  const checking = state.statements.find((s) => s.id === state.checking);
  const group = (kind: 'principle' | 'picture') => state.statements.filter((s) => s.kind === kind && s.id !== state.checking);
  const expected = state.workshop.config.votingUnit === 'organisation' ? state.workshop.config.organisations.length : state.participants;

  const list = (id: string, kind: 'principle' | 'picture', title: string, statements: VisionFacilitatorState['statements']) => (
    <section className="statement-group" aria-labelledby={id}>
      <h3 id={id}>
        {title} <span className="column-count">({statements.length})</span>
      </h3>
      {statements.length === 0 ? (
        <p className="hint">{t(checking?.kind === kind ? 'vision.console.groupNoOthers' : 'vision.console.groupEmpty')}</p>
      ) : (
        <ul className="statement-cards">
          {statements.map((statement) => (
            <li key={statement.id}>
              <StatementCard statement={statement} state={state} expected={expected} organisationName={organisationName} focus={focus === statement.id} onFocused={focused} onDone={done} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );

  return (
    <section className="panel statement-board" aria-labelledby="statement-board-title">
      <h2 id="statement-board-title">{t('vision.console.board')}</h2>
      <p className="hint">{t('vision.console.boardHint')}</p>
      <p role="status" className="board-announcement">
        {announcement}
      </p>
      {checking && (
        <section className="statement-group checking-group" aria-labelledby="checking-title">
          <h3 id="checking-title">{t('vision.console.checkingNow')}</h3>
          <StatementCard statement={checking} state={state} expected={expected} organisationName={organisationName} focus={focus === checking.id} onFocused={focused} onDone={done} />
        </section>
      )}
      {list('principles-title', 'principle', t('vision.principles'), group('principle'))}
      {list('pictures-title', 'picture', t('vision.pictures'), group('picture'))}
    </section>
  );
}
