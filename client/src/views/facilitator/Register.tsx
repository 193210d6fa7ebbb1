/** "Wer hat bewertet?" — per organisation: people, answered cells, status in words and symbol (SPEC R-1). */
import { useTranslation } from 'react-i18next';
import type { Progress } from '../../../../shared/domain/progress';
import type { WorkshopConfig } from '../../../../shared/schemas';

const SYMBOL = { complete: '✓', partial: '◐', missing: '○' } as const;

export function Register({ progress, config }: { progress: Progress; config: WorkshopConfig }) {
  const { t } = useTranslation();
  const names = new Map(config.organisations.map((o) => [o.id, o.name]));
  return (
    <section className="panel" aria-labelledby="register-title">
      <h2 id="register-title">{t('facilitator.register')}</h2>
      <p>{t('facilitator.registerSummary', { complete: progress.complete, partial: progress.partial, missing: progress.missing })}</p>
      <p className="hint">{t('facilitator.registerUnit', { cells: progress.cells })}</p>
      <table className="register">
        <caption className="visually-hidden">{t('facilitator.register')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('facilitator.organisations')}</th>
            <th scope="col" className="num">
              {t('facilitator.registerPersons')}
            </th>
            <th scope="col" className="num">
              {t('facilitator.registerAnswered')}
            </th>
            <th scope="col">{t('facilitator.registerStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {progress.organisations.map((o) => (
            <tr key={o.organisationId} className={`status-${o.status}`}>
              <th scope="row">{names.get(o.organisationId)}</th>
              <td className="num">{o.participants}</td>
              <td className="num">{t('facilitator.answered', { answered: o.answered, cells: progress.cells })}</td>
              <td>
                <span aria-hidden="true">{SYMBOL[o.status]} </span>
                {t(`facilitator.status.${o.status}`)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
