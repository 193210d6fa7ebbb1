/**
 * The ideas (SPEC SE-1, SE-2): each with its facts and the live points of the
 * latest vote (SE-5: the console sees them while the vote runs); a form to add
 * an idea or change one.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelectionFacilitatorState } from '../../../../../shared/activities/selection/views';
import { formatEuro } from '../../../i18n';
import { organisationName } from '../../common/organisationName';
import { IdeaForm } from './IdeaForm';

export function IdeaTable({ state }: { state: SelectionFacilitatorState }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const { config, phase } = state.workshop;
  const latest = state.votes.at(-1);
  const totals = latest?.totals ?? null;
  const organisations = config.organisations;
  const editable = phase !== 'finalised';
  const edited = editing && editing !== 'new' ? state.ideas.find((i) => i.id === editing) : undefined;
  return (
    <section className="panel idea-table-panel" aria-labelledby="ideas-title">
      <div className="panel-head">
        <h2 id="ideas-title">{t('selection.console.ideasTitle')}</h2>
        {editable && editing !== 'new' && (
          <button type="button" onClick={() => setEditing('new')}>
            {t('selection.console.addIdea')}
          </button>
        )}
      </div>
      {editing === 'new' && <IdeaForm key="new" idea={null} organisations={organisations} onDone={() => setEditing(null)} />}
      {state.ideas.length === 0 ? (
        <p className="hint">{t('selection.console.ideasEmpty')}</p>
      ) : (
        <table className="idea-table">
          <caption className="visually-hidden">{t('selection.console.totalsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('selection.console.colIdea')}</th>
              <th scope="col" className="num">
                {t('selection.console.colPoints')}
              </th>
              <th scope="col" className="num">
                {t('selection.console.colCost')}
              </th>
              {editable && (
                <th scope="col">
                  <span className="visually-hidden">{t('selection.console.colActions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {state.ideas.map((idea) => {
              const lead = organisationName(idea.leadOrganisationId, organisations);
              const meta = [idea.themeName, lead, idea.partners].filter(Boolean).join(' · ');
              return (
                <tr key={idea.id}>
                  <th scope="row">
                    <span className="idea-name">{idea.title}</span>
                    {meta && <span className="idea-meta">{meta}</span>}
                  </th>
                  <td className="num">{totals ? (totals[idea.id] ?? 0) : '–'}</td>
                  <td className="num">{idea.cost === null ? '–' : formatEuro(idea.cost)}</td>
                  {editable && (
                    <td>
                      <button type="button" className="small" aria-label={t('selection.console.editTitle', { title: idea.title })} onClick={() => setEditing(idea.id)}>
                        {t('selection.console.editIdea')}
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {edited && <IdeaForm key={edited.id} idea={edited} organisations={organisations} onDone={() => setEditing(null)} />}
    </section>
  );
}
