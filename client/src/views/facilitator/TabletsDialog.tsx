/**
 * The tablets of one organisation (SPEC J-5, J-6): who joined when, how far
 * they are, and — in the lobby and while scoring — move one to another
 * organisation (its answers go with it) or remove it (its answers are
 * deleted). Both ask first and say what happens to the answers.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationProgress } from '../../../../shared/domain/progress';
import type { ParticipantEntry } from '../../../../shared/protocol';
import type { WorkshopConfig } from '../../../../shared/schemas';
import { formatDateTime } from '../../i18n';
import { listParticipants, moveParticipant, removeParticipant } from '../../net/facilitator';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { CommandStatus } from './CommandStatus';
import { useCommand } from './useCommand';

type Pending = { kind: 'move'; entry: ParticipantEntry; to: string } | { kind: 'remove'; entry: ParticipantEntry };

export function TabletsDialog({
  organisation,
  config,
  themes,
  editable,
  onClose,
}: {
  organisation: OrganisationProgress;
  config: WorkshopConfig;
  themes: number;
  /** Lobby or scoring: tablets can be moved and removed. */
  editable: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [entries, setEntries] = useState<ParticipantEntry[] | null>(null);
  const [targets, setTargets] = useState<Record<string, string>>({});
  const [pending, setPending] = useState<Pending | null>(null);
  const [command, run] = useCommand();
  const names = new Map(config.organisations.map((o) => [o.id, o.name]));
  const name = (organisationId: string) => names.get(organisationId) ?? organisationId;
  const others = config.organisations.filter((o) => o.id !== organisation.organisationId);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  // The list follows the organisation's register line: a join, a move or new answers reload it (at most every 300 ms).
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void listParticipants().then((reply) => {
        if (current && reply.ok) setEntries(reply.data.participants.filter((p) => p.organisationId === organisation.organisationId));
      });
    }, entries ? 300 : 0);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [organisation.organisationId, organisation.participants, organisation.answered, command.status]);

  const label = (entry: ParticipantEntry, index: number) => entry.displayName ?? t('facilitator.tabletUnnamed', { number: index + 1 });

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog tablets-dialog"
      aria-labelledby={`${id}-title`}
      // A confirmation closing inside this dialog reaches this handler too (React passes it up the tree): only this dialog's own close counts.
      onClose={(e) => e.target === e.currentTarget && onClose()}
    >
      <h2 id={`${id}-title`}>{t('facilitator.tabletsOf', { organisation: name(organisation.organisationId) })}</h2>
      {!editable && <p className="hint">{t('facilitator.tabletsOnlyBefore')}</p>}
      {entries === null ? (
        <p>{t('facilitator.tabletsLoading')}</p>
      ) : entries.length === 0 ? (
        <p>{t('facilitator.tabletsNone')}</p>
      ) : (
        <ul className="tablet-list">
          {entries.map((entry, index) => {
            const target = targets[entry.participantId] ?? '';
            return (
              <li key={entry.participantId}>
                <p className="tablet-facts">
                  <strong>{label(entry, index)}</strong>
                  <span>{t('facilitator.tabletJoined', { time: formatDateTime(entry.joinedAt) })}</span>
                  <span>{t('facilitator.tabletRated', { rated: entry.themesRated, themes })}</span>
                </p>
                {editable && (
                  <div className="tablet-actions">
                    <label htmlFor={`${id}-${entry.participantId}`}>{t('facilitator.tabletMoveTo')}</label>
                    <select id={`${id}-${entry.participantId}`} value={target} onChange={(e) => setTargets({ ...targets, [entry.participantId]: e.target.value })}>
                      <option value="">{t('facilitator.tabletChoose')}</option>
                      {others.map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.name}
                        </option>
                      ))}
                    </select>
                    <button type="button" disabled={!target || command.status === 'busy'} onClick={() => setPending({ kind: 'move', entry, to: target })}>
                      {t('facilitator.tabletMove')}
                    </button>
                    <button type="button" className="danger" disabled={command.status === 'busy'} onClick={() => setPending({ kind: 'remove', entry })}>
                      {t('facilitator.tabletRemove')}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <CommandStatus state={command} />
      <div className="actions">
        <button type="button" className="primary" onClick={() => dialog.current?.close()}>
          {t('facilitator.tabletsClose')}
        </button>
      </div>
      {pending?.kind === 'move' && (
        <ConfirmDialog
          title={t('facilitator.tabletMoveTitle', { organisation: name(pending.to) })}
          confirmLabel={t('facilitator.tabletMove')}
          cancelLabel={t('facilitator.tabletCancel')}
          onConfirm={() => {
            const { entry, to } = pending;
            setPending(null);
            void run(() => moveParticipant(entry.participantId, to));
          }}
          onCancel={() => setPending(null)}
        >
          <p>{t('facilitator.tabletMoveEffect', { count: pending.entry.themesRated, from: name(pending.entry.organisationId), to: name(pending.to) })}</p>
        </ConfirmDialog>
      )}
      {pending?.kind === 'remove' && (
        <ConfirmDialog
          title={t('facilitator.tabletRemoveTitle')}
          confirmLabel={t('facilitator.tabletRemove')}
          cancelLabel={t('facilitator.tabletCancel')}
          onConfirm={() => {
            const { entry } = pending;
            setPending(null);
            void run(() => removeParticipant(entry.participantId));
          }}
          onCancel={() => setPending(null)}
        >
          <p>{t('facilitator.tabletRemoveEffect', { count: pending.entry.themesRated })}</p>
        </ConfirmDialog>
      )}
    </dialog>
  );
}
