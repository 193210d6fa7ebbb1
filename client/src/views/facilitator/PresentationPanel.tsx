/**
 * What the room may see: where organisation names appear (SPEC E-2) and what
 * the projector shows after the reveal (E-4).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isFinal, isRevealed, type Phase } from '../../../../shared/domain/phases';
import type { NameVisibility, ProjectorView, WorkshopConfig } from '../../../../shared/schemas';
import type { CallResult } from '../../net/socket';
import { showOnProjector, updateWorkshop } from '../../net/facilitator';
import { CommandStatus } from './CommandStatus';
import { useCommand } from './useCommand';

const NAME_SETTINGS = ['facilitator', 'public', 'anonymous'] as const;
const VIEWS: readonly ProjectorView[] = ['overview', 'individual'];

export function PresentationPanel({ config, phase, projectorView }: { config: WorkshopConfig; phase: Phase; projectorView: ProjectorView }) {
  const { t } = useTranslation();
  const [command, run] = useCommand<unknown>();
  const busy = command.status === 'busy';
  // The choice shows at once, until the server's state has it (or the command failed).
  const [pending, setPending] = useState<{ names?: NameVisibility; view?: ProjectorView }>({});
  useEffect(() => setPending({}), [config.organisationNames, projectorView]);
  const choose = (choice: { names?: NameVisibility; view?: ProjectorView }, command: () => Promise<CallResult<unknown>>) => {
    setPending(choice);
    void run(command).then((ok) => ok || setPending({}));
  };
  const names = pending.names ?? config.organisationNames;
  const view = pending.view ?? projectorView;
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
              checked={names === setting}
              onChange={() => choose({ names: setting }, () => updateWorkshop({ organisationNames: setting }))}
            />
            {t(`individual.names.${setting}`)}
          </label>
        ))}
      </fieldset>
      <p className="hint">{t('individual.namesHint')}</p>
      {isRevealed(phase) && (
        <fieldset className="segmented-choice" disabled={busy}>
          <legend>{t('projectorView.title')}</legend>
          {VIEWS.map((option) => (
            <label key={option} className="radio">
              <input type="radio" name="projector-view" value={option} checked={view === option} onChange={() => choose({ view: option }, () => showOnProjector(option))} />
              {t(`projectorView.${option}`)}
            </label>
          ))}
        </fieldset>
      )}
      <CommandStatus state={command} />
    </section>
  );
}
