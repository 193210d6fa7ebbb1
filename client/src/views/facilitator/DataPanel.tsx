/**
 * The workshop as a whole: copy it for a new round (SPEC P-7), or delete it
 * with everything in it (data protection, V-4). The copy is a new step of the
 * process, opened by its signed-in facilitators; a co-facilitation link is for
 * one workshop, so its holder is told where the copy is instead of sent there.
 */
import { useTranslation } from 'react-i18next';
import type { CreatedWorkshop } from '../../../../shared/protocol';
import { deleteWorkshop, duplicateWorkshop } from '../../net/facilitator';
import { CommandStatus } from './CommandStatus';
import { useCommand } from './useCommand';

export function DataPanel({ viaLink }: { viaLink: boolean }) {
  const { t } = useTranslation();
  const [command, run] = useCommand<{ deleted: true }>();
  const [copy, runCopy] = useCommand<CreatedWorkshop>();
  return (
    <section className="panel" aria-labelledby="data-title">
      <h2 id="data-title">{t('facilitator.data')}</h2>
      <p className="hint">{t('round.duplicateHint')}</p>
      <button
        type="button"
        disabled={copy.status === 'busy'}
        onClick={() => {
          if (!window.confirm(viaLink ? t('facilitator.duplicateConfirmLink') : t('round.duplicateConfirm'))) return;
          void runCopy(async () => {
            const reply = await duplicateWorkshop();
            if (reply.ok && !viaLink) location.assign(reply.data.facilitatorPath);
            return reply;
          });
        }}
      >
        {t('round.duplicate')}
      </button>
      {copy.status === 'error' ? (
        <CommandStatus state={copy} />
      ) : (
        <p role="status" className={viaLink && copy.status === 'done' ? 'notice' : 'hint'}>
          {copy.status === 'busy' ? t('facilitator.saving') : copy.status === 'done' ? t(viaLink ? 'facilitator.duplicatedForAccounts' : 'facilitator.saved') : ''}
        </p>
      )}
      <p className="hint">{t('facilitator.deleteHint')}</p>
      <button
        type="button"
        className="danger"
        disabled={command.status === 'busy'}
        onClick={async () => {
          if (!window.confirm(t('facilitator.deleteConfirm'))) return;
          if (await run(deleteWorkshop)) location.assign('/');
        }}
      >
        {t('facilitator.deleteWorkshop')}
      </button>
      <CommandStatus state={command} />
    </section>
  );
}
