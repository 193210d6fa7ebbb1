/**
 * "Zusammenführen mit …" (TC-7): choose the proposal this one goes into. The
 * choice is a select, grouped by decision; nothing needs dragging.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacilitatorProposalView } from '../../../../../shared/activities/collection/views';
import { mergeProposals } from '../../../net/collection';
import { useTerms } from '../ideas';
import { OperationStatus } from './OperationStatus';
import { useOperation } from './useOperation';

const GROUPS = ['open', 'accepted', 'rejected'] as const;

export function MergeForm({
  proposal,
  targets,
  onCancel,
  onMerged,
}: {
  proposal: FacilitatorProposalView;
  targets: FacilitatorProposalView[];
  onCancel: () => void;
  onMerged: (target: FacilitatorProposalView) => void;
}) {
  const { t } = useTranslation();
  const term = useTerms();
  const [targetId, setTargetId] = useState('');
  const [missing, setMissing] = useState(false);
  const [command, run] = useOperation();
  const select = useRef<HTMLSelectElement>(null);
  const id = `merge-${proposal.id}`;
  useEffect(() => select.current?.focus(), []);

  if (targets.length === 0) {
    return (
      <div className="merge-form">
        <p className="hint">{term('console.mergeNone')}</p>
        <button type="button" className="small" onClick={onCancel}>
          {t('collection.console.cancel')}
        </button>
      </div>
    );
  }
  return (
    <form
      className="merge-form stack"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const target = targets.find((p) => p.id === targetId);
        if (!target) {
          setMissing(true);
          select.current?.focus();
          return;
        }
        if (await run(() => mergeProposals(proposal.id, target.id))) onMerged(target);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <label htmlFor={id}>{t('collection.console.mergeTarget')}</label>
      <select
        id={id}
        ref={select}
        value={targetId}
        aria-describedby={`${id}-hint${missing ? ` ${id}-missing` : ''}`}
        aria-invalid={missing || undefined}
        onChange={(e) => {
          setTargetId(e.target.value);
          setMissing(false);
        }}
      >
        <option value="">{t('collection.console.mergeChoose')}</option>
        {GROUPS.map((status) => {
          const group = targets.filter((p) => p.status === status);
          return group.length === 0 ? null : (
            <optgroup key={status} label={t(`collection.console.columns.${status}`)}>
              {group.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </optgroup>
          );
        })}
      </select>
      {missing && (
        <p id={`${id}-missing`} className="error">
          {t('collection.console.mergeChoose')}
        </p>
      )}
      <p id={`${id}-hint`} className="hint">
        {term('console.mergeHint', { title: proposal.title })}
      </p>
      <div className="actions">
        <button type="submit" className="small primary" disabled={command.status === 'busy'}>
          {t('collection.console.mergeSubmit')}
        </button>
        <button type="button" className="small" onClick={onCancel}>
          {t('collection.console.cancel')}
        </button>
      </div>
      <OperationStatus state={command} />
    </form>
  );
}
