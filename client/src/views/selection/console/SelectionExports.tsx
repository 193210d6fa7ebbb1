/** The selection's exports (SPEC SE-10): the profiles and the vote as a workbook, and the PDF with the vision, both rules and one page per profile. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelectionExportFile } from '../../../../../shared/protocol';
import { downloadExport } from '../../../net/http';

const DOWNLOADS: readonly { file: SelectionExportFile; label: string }[] = [
  { file: 'profiles.xlsx', label: 'selection.console.exportXlsx' },
  { file: 'profiles.pdf', label: 'selection.console.exportPdf' },
];

type Status = { label: string; state: 'busy' | 'done' | 'failed'; code?: string };

/** `secret`: the co-facilitation link's, for a console opened with it; null for a signed-in facilitator (the cookie). */
export function SelectionExports({ workshopId, secret }: { workshopId: string; secret: string | null }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status | null>(null);
  const download = async (file: SelectionExportFile, label: string) => {
    setStatus({ label, state: 'busy' });
    const result = await downloadExport(workshopId, secret, file);
    setStatus(result.ok ? { label, state: 'done' } : { label, state: 'failed', code: result.code });
  };
  return (
    <section className="panel" aria-labelledby="selection-exports-title">
      <h2 id="selection-exports-title">{t('selection.console.exportsTitle')}</h2>
      <ul className="export-list">
        {DOWNLOADS.map((d) => (
          <li key={d.file}>
            <button
              type="button"
              aria-disabled={status?.state === 'busy'}
              onClick={() => {
                if (status?.state !== 'busy') void download(d.file, d.label);
              }}
            >
              {t(d.label)}
            </button>
          </li>
        ))}
      </ul>
      <p role="status" className={status?.state === 'failed' ? 'error' : 'hint'}>
        {status &&
          `${t(status.label)}: ${
            status.state === 'busy' ? t('exports.downloading') : status.state === 'done' ? t('exports.done') : `${t('exports.failed')} (${t(`errors.${status.code}`)})`
          }`}
      </p>
    </section>
  );
}
