/** Downloads for the committee and for further work (SPEC X-1 … X-4). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFile } from '../../../../shared/protocol';
import { downloadExport } from '../../net/http';

interface Download {
  file: ExportFile;
  variant?: 'excel-de';
  label: string;
}

const DOWNLOADS: Download[] = [
  { file: 'report.pdf', label: 'exports.pdf' },
  { file: 'workbook.xlsx', label: 'exports.xlsx' },
  { file: 'themes.csv', variant: 'excel-de', label: 'exports.csvGerman' },
  { file: 'themes.csv', label: 'exports.csvStandard' },
  { file: 'individual.csv', variant: 'excel-de', label: 'exports.csvIndividual' },
  { file: 'workshop.json', label: 'exports.json' },
];

type Status = { label: string; state: 'busy' | 'done' | 'failed'; code?: string };

/** `secret`: the co-facilitation link's, for a console opened with it; null for a signed-in facilitator (the cookie). */
export function ExportPanel({ workshopId, secret, finalised }: { workshopId: string; secret: string | null; finalised: boolean }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status | null>(null);
  const download = async (d: Download) => {
    setStatus({ label: d.label, state: 'busy' });
    const result = await downloadExport(workshopId, secret, d.file, d.variant);
    setStatus(result.ok ? { label: d.label, state: 'done' } : { label: d.label, state: 'failed', code: result.code });
  };
  return (
    <section className="panel" aria-labelledby="exports-title">
      <h2 id="exports-title">{t('exports.title')}</h2>
      <p className="hint">{t('exports.hint')}</p>
      {!finalised && <p className="notice">{t('exports.provisional')}</p>}
      <ul className="export-list">
        {DOWNLOADS.map((d) => (
          <li key={d.label}>
            <button type="button" aria-disabled={status?.state === 'busy'} onClick={() => {
                if (status?.state !== 'busy') void download(d);
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
