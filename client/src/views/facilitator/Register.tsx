/**
 * "Wer hat bewertet?" — per organisation: people, themes rated, status in
 * words and symbol (SPEC ). The people count opens the organisation's
 * tablets, to move or remove one that joined for the wrong organisation (J-5, J-6).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Phase } from '../../../../shared/domain/phases';
import type { Progress } from '../../../../shared/domain/progress';
import type { WorkshopConfig } from '../../../../shared/schemas';
import { TabletsDialog } from './TabletsDialog';

const SYMBOL = { complete: '✓', partial: '◐', missing: '○' } as const;

export function Register({ progress, config, phase }: { progress: Progress; config: WorkshopConfig; phase: Phase }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const names = new Map(config.organisations.map((o) => [o.id, o.name]));
  const opened = progress.organisations.find((o) => o.organisationId === open);
  return (
    <section className="panel" aria-labelledby="register-title">
      <h2 id="register-title">{t('facilitator.register')}</h2>
      <p>{t('facilitator.registerSummary', { complete: progress.complete, partial: progress.partial, missing: progress.missing })}</p>
      <p className="hint">{t('facilitator.registerUnit')}</p>
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
          {progress.organisations.map((o) => {
            const name = names.get(o.organisationId) ?? o.organisationId;
            return (
              <tr key={o.organisationId} className={`status-${o.status}`}>
                <th scope="row">{name}</th>
                <td className="num">
                  {o.participants > 0 ? (
                    <button type="button" className="link" onClick={() => setOpen(o.organisationId)} aria-label={t('facilitator.tabletsOpen', { count: o.participants, organisation: name })}>
                      {o.participants}
                    </button>
                  ) : (
                    o.participants
                  )}
                </td>
                <td className="num">{t('facilitator.answered', { answered: o.themesRated, cells: progress.themes })}</td>
                <td>
                  <span aria-hidden="true">{SYMBOL[o.status]} </span>
                  {t(`facilitator.status.${o.status}`)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {opened && (
        <TabletsDialog
          organisation={opened}
          config={config}
          themes={progress.themes}
          editable={phase === 'lobby' || phase === 'scoring'}
          onClose={() => setOpen(null)}
        />
      )}
    </section>
  );
}
