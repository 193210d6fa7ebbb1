/** A statement's form: checked on the device as the server checks it, then sent; for adding (principle, future picture) and revising. */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallResult } from '../../../net/socket';
import { useOperation } from '../../collection/console/useOperation';
import { checkStatement, type DraftProblem, type StatementDraft } from '../common/refusal';
import { OperationStatus } from '../common/OperationStatus';
import { StatementFields } from './StatementFields';

export function StatementForm({
  id,
  initial,
  submitLabel,
  onSubmit,
  onDone,
  onCancel,
  before,
  label,
  titleRef,
}: {
  id: string;
  initial: StatementDraft;
  submitLabel: string;
  onSubmit: (statement: StatementDraft) => Promise<CallResult<unknown>>;
  /** After the server stored it: the form is emptied (or closed by the caller). */
  onDone: (statement: StatementDraft) => void;
  onCancel?: () => void;
  /** Fields before title and text (the future picture's theme). */
  before?: ReactNode;
  label?: string;
  titleRef?: React.Ref<HTMLInputElement>;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [problem, setProblem] = useState<DraftProblem | null>(null);
  const [command, run] = useOperation();
  return (
    <form
      className="stack statement-form"
      noValidate
      aria-label={label}
      onSubmit={async (e) => {
        e.preventDefault();
        const checked = checkStatement(draft);
        if (!checked.ok) {
          setProblem(checked.problem);
          document.getElementById(`${id}-${checked.problem.field}`)?.focus();
          return;
        }
        if (await run(() => onSubmit(checked.statement))) {
          setDraft(initial);
          onDone(checked.statement);
        }
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onCancel) onCancel();
      }}
    >
      {before}
      <StatementFields
        id={id}
        draft={draft}
        onChange={(next) => {
          setDraft(next);
          if (problem) setProblem(null);
        }}
        problem={problem}
        titleRef={titleRef}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={command.status === 'busy'}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('vision.console.cancel')}
          </button>
        )}
      </div>
      <OperationStatus state={command} />
    </form>
  );
}
