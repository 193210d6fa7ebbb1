/**
 * What the room may see: where organisation names appear (SPEC E-2, E-5) and
 * what the projector shows after the reveal (E-4). The name setting is applied
 * with a button, never by moving through the radios: an arrow key must not put
 * names on the wall on its way to another option.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isFinal, isRevealed, type Phase } from '../../../../shared/domain/phases';
import type { NameVisibility, ProjectorView, WorkshopConfig } from '../../../../shared/schemas';
import { showOnProjector, updateWorkshop } from '../../net/facilitator';
import { CommandStatus } from './CommandStatus';
import { useCommand } from './useCommand';

const NAME_SETTINGS: readonly NameVisibility[] = ['facilitator', 'public', 'anonymous'];
const VIEWS: readonly ProjectorView[] = ['overview', 'individual'];

export function PresentationPanel({ config, phase, projectorView }: { config: WorkshopConfig; phase: Phase; projectorView: ProjectorView }) {
  const { t } = useTranslation();
  const [command, run] = useCommand<unknown>();
  const busy = command.status === 'busy';
  const current = config.organisationNames;
  const [names, setNames] = useState<NameVisibility>(current);
  useEffect(() => setNames(current), [current]);
  // E-5: people rated under the promise of anonymity.
  const anonymityLocked = current === 'anonymous' && phase !== 'lobby';
  // The projector choice shows at once, until the server's state has it (or the command failed).
  const [pendingView, setPendingView] = useState<ProjectorView | null>(null);
  useEffect(() => setPendingView(null), [projectorView]);
  const view = pendingView ?? projectorView;

  const applyNames = () => {
    if (busy || names === current) return;
    if (names === 'public' && isRevealed(phase) && !window.confirm(t('individual.confirmPublic'))) return;
    void run(() => updateWorkshop({ organisationNames: names }));
  };
  const chooseView = (option: ProjectorView) => {
    if (busy) return;
    setPendingView(option);
    void run(() => showOnProjector(option)).then((ok) => ok || setPendingView(null));
  };

  return (
    <section className="panel" aria-labelledby="presentation-title">
      <h2 id="presentation-title">{t('individual.namesTitle')}</h2>
      <fieldset className="stack" disabled={isFinal(phase) || anonymityLocked}>
        <legend className="visually-hidden">{t('individual.namesTitle')}</legend>
        {NAME_SETTINGS.map((setting) => (
          <label key={setting} className="radio">
            <input type="radio" name="organisation-names" value={setting} checked={names === setting} onChange={() => setNames(setting)} />
            {t(`individual.names.${setting}`)}
          </label>
        ))}
      </fieldset>
      <p className="hint">{anonymityLocked ? t('individual.anonymityLocked') : t('individual.namesHint')}</p>
      {!isFinal(phase) && !anonymityLocked && (
        <button type="button" aria-disabled={busy || names === current} onClick={applyNames}>
          {t('individual.applyNames')}
        </button>
      )}
      {isRevealed(phase) && (
        <fieldset className="segmented-choice">
          <legend>{t('projectorView.title')}</legend>
          {VIEWS.map((option) => (
            <label key={option} className="radio">
              <input type="radio" name="projector-view" value={option} checked={view === option} onChange={() => chooseView(option)} />
              {t(`projectorView.${option}`)}
            </label>
          ))}
        </fieldset>
      )}
      <CommandStatus state={command} />
    </section>
  );
}
