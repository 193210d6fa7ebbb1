/**
 * "Grundsatz hinzufügen" and "Zukunftsbild hinzufügen" (SPEC VI-2): a future
 * picture belongs to one of the vision's prioritised themes that has none yet.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisionFacilitatorState } from '../../../../../shared/activities/vision/views';
import { addStatement } from '../../../net/vision';
import { StatementForm } from './StatementForm';

const EMPTY = { title: '', text: '' };

export function AddStatements({ state }: { state: VisionFacilitatorState }) {
  const { t } = useTranslation();
  const [added, setAdded] = useState('');
  const { themes } = state.workshop.config;
  const pictured = new Set(state.statements.filter((s) => s.kind === 'picture' && s.status !== 'withdrawn').map((s) => s.themeId));
  const open = themes.filter((theme) => !pictured.has(theme.themeId));
  const [themeId, setThemeId] = useState('');
  // Open at first while there is nothing yet; afterwards as the facilitator leaves it.
  const [startOpen] = useState(state.statements.length === 0);
  const chosen = open.some((theme) => theme.themeId === themeId) ? themeId : (open[0]?.themeId ?? '');
  return (
    <section className="panel add-statements" aria-labelledby="add-statements-title">
      <h2 id="add-statements-title">{t('vision.console.addTitle')}</h2>
      <details className="add-statement" open={startOpen}>
        <summary>{t('vision.console.addPrinciple')}</summary>
        <StatementForm
          id="add-principle"
          initial={EMPTY}
          submitLabel={t('vision.console.addPrincipleSubmit')}
          label={t('vision.console.addPrinciple')}
          onSubmit={(s) => {
            setAdded('');
            return addStatement({ kind: 'principle', ...s });
          }}
          onDone={(s) => setAdded(t('vision.console.added', { title: s.title }))}
        />
      </details>
      <details className="add-statement">
        <summary>{t('vision.console.addPicture')}</summary>
        {themes.length === 0 ? (
          <p className="hint">{t('vision.console.noThemes')}</p>
        ) : open.length === 0 ? (
          <p className="hint">{t('vision.console.allPictured')}</p>
        ) : (
          <StatementForm
            id="add-picture"
            initial={EMPTY}
            submitLabel={t('vision.console.addPictureSubmit')}
            label={t('vision.console.addPicture')}
            before={
              <div className="field">
                <label htmlFor="add-picture-theme">{t('vision.field.theme')}</label>
                <select id="add-picture-theme" value={chosen} onChange={(e) => setThemeId(e.target.value)}>
                  {open.map((theme) => (
                    <option key={theme.themeId} value={theme.themeId}>
                      {theme.tier ? t('vision.console.themeOption', { name: theme.name, tier: theme.tier }) : theme.name}
                    </option>
                  ))}
                </select>
              </div>
            }
            onSubmit={(s) => {
              setAdded('');
              return addStatement({ kind: 'picture', themeId: chosen, ...s });
            }}
            onDone={(s) => setAdded(t('vision.console.added', { title: s.title }))}
          />
        )}
      </details>
      <p role="status" className="hint">
        {added}
      </p>
    </section>
  );
}
