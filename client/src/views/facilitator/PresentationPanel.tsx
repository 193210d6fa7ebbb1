/**
 * What the room may see: where organisation names appear (SPEC E-2) and what
 * the projector shows after the reveal (E-4).
 */
import { useTranslation } from 'react-i18next';
import { isFinal, isRevealed, type Phase } from '../../../../shared/domain/phases';
import type { ProjectorView, WorkshopConfig } from '../../../../shared/schemas';
import { showOnProjector, updateWorkshop } from '../../net/facilitator';
import { CommandStatus } from './CommandStatus';
import { useCommand } from './useCommand';

const NAME_SETTINGS = ['facilitator', 'public', 'anonymous'] as const;
const VIEWS: readonly ProjectorView[] = ['overview', 'individual'];

export function PresentationPanel({ config, phase, projectorView }: { config: WorkshopConfig; phase: Phase; projectorView: ProjectorView }) {
  const { t } = useTranslation();
  const [command, run] = useCommand<unknown>();
  const busy = command.status === 'busy';
  return (
    <section className="panel" aria-labelledby="presentation-title">
      <h2 id="presentation-title">{t('individual.namesTitle')}</h2>
      <fieldset className="stack" disabled={isFinal(phase) || busy}>
        <legend className="visually-hidden">{t('individual.namesTitle')}</legend>
        {NAME_SETTINGS.map((setting) => (
          <label key={setting} className="radio">
            <input
              type="radio"
              name="organisation-names"
              value={setting}
              checked={config.organisationNames === setting}
              onChange={() => void run(() => updateWorkshop({ organisationNames: setting }))}
            />
            {t(`individual.names.${setting}`)}
          </label>
        ))}
      </fieldset>
      <p className="hint">{t('individual.namesHint')}</p>
      {isRevealed(phase) && (
        <fieldset className="segmented-choice" disabled={busy}>
          <legend>{t('projectorView.title')}</legend>
          {VIEWS.map((view) => (
            <label key={view} className="radio">
              <input type="radio" name="projector-view" value={view} checked={projectorView === view} onChange={() => void run(() => showOnProjector(view))} />
              {t(`projectorView.${view}`)}
            </label>
          ))}
        </fieldset>
      )}
      <CommandStatus state={command} />
    </section>
  );
}
