/** Data protection: the facilitator can delete the workshop and everything in it (SPEC V-4). */
import { useTranslation } from 'react-i18next';
import { deleteWorkshop } from '../../net/facilitator';
import { CommandStatus } from './CommandStatus';
import { useCommand } from './useCommand';

export function DataPanel() {
  const { t } = useTranslation();
  const [command, run] = useCommand<{ deleted: true }>();
  return (
    <section className="panel" aria-labelledby="data-title">
      <h2 id="data-title">{t('facilitator.data')}</h2>
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
