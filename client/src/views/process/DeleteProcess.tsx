/** Deleting the whole process with its workshops (owner or administrator); asked once more first. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessView } from '../../../../shared/process';
import { processes } from '../../net/office';
import { problem, type Say } from './problem';

export function DeleteProcess({ view }: { view: ProcessView }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Say | null>(null);
  return (
    <section className="panel stack process-delete" aria-labelledby="process-delete-title">
      <h2 id="process-delete-title">{t('process.remove.title')}</h2>
      <p className="hint">{t('process.remove.hint')}</p>
      {error && (
        <p role="alert" className="error">
          {error(t)}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="danger"
          disabled={busy}
          onClick={async () => {
            if (!window.confirm(t('process.remove.confirm', { title: view.title }))) return;
            setBusy(true);
            setError(null);
            const reply = await processes.remove(view.id);
            if (reply.ok) return location.assign('/');
            setBusy(false);
            setError(() => problem('general', reply.code));
          }}
        >
          {t('process.remove.button')}
        </button>
      </div>
    </section>
  );
}
