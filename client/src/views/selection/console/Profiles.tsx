/**
 * The profiles (Steckbriefe) of the selected ideas (SPEC SE-9): number,
 * title, theme, lead, partners, cost, and the goal, timeline and status the
 * facilitator fills in. The numbering follows the ideas' order and is not a
 * ranking — the screen says so, as the exports do.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROFILE_STATUSES, SELECTION_LIMITS, type ProfileStatus } from '../../../../../shared/activities/selection/schemas';
import type { ProfileView, SelectionFacilitatorState } from '../../../../../shared/activities/selection/views';
import type { Organisation } from '../../../../../shared/schemas';
import { updateProfile } from '../../../net/selection';
import { useOperation } from '../../collection/console/useOperation';
import { OperationStatus } from '../common/OperationStatus';
import { formatEuro } from '../../../i18n';
import { organisationName } from '../../common/organisationName';
import { FactList } from '../../common/FactList';

function ProfileCard({ profile, organisations, editable }: { profile: ProfileView; organisations: readonly Organisation[]; editable: boolean }) {
  const { t } = useTranslation();
  const [command, run] = useOperation();
  const [goal, setGoal] = useState(profile.goal);
  const [timeline, setTimeline] = useState(profile.timeline);
  const [status, setStatus] = useState<ProfileStatus>(profile.status);
  const [saved, setSaved] = useState(false);
  const id = `profile-${profile.ideaId}`;
  const facts: [string, string][] = [
    [t('selection.idea.theme'), profile.themeName || t('selection.idea.noTheme')],
    [t('selection.idea.lead'), organisationName(profile.leadOrganisationId, organisations) ?? t('selection.idea.noLead')],
    [t('selection.idea.partners'), profile.partners || '–'],
    [t('selection.idea.cost'), profile.cost === null ? t('selection.idea.noCost') : formatEuro(profile.cost)],
  ];
  return (
    <article className="profile-card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        <span className="profile-number">{t('selection.console.profileNumber', { number: profile.number })}</span> {profile.title}
      </h3>
      <FactList facts={facts} className="selection-facts" />
      <form
        className="profile-form"
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          void run(() => updateProfile(profile.ideaId, { goal: goal.trim(), timeline: timeline.replace(/\s+/g, ' ').trim(), status })).then(setSaved);
        }}
      >
        <label htmlFor={`${id}-goal`}>{t('selection.console.goal')}</label>
        <textarea id={`${id}-goal`} rows={3} maxLength={SELECTION_LIMITS.goalLength} value={goal} disabled={!editable} onChange={(e) => setGoal(e.target.value)} />
        <div className="profile-row">
          <label>
            {t('selection.console.timeline')}
            <input value={timeline} maxLength={SELECTION_LIMITS.timelineLength} disabled={!editable} onChange={(e) => setTimeline(e.target.value)} />
          </label>
          <label>
            {t('selection.console.status')}
            <select value={status} disabled={!editable} onChange={(e) => setStatus(e.target.value as ProfileStatus)}>
              {PROFILE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`selection.status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          {editable && (
            <button type="submit" disabled={command.status === 'busy'}>
              {t('selection.console.saveProfile')}
            </button>
          )}
        </div>
        <OperationStatus state={command} />
        <p role="status" className="hint">
          {saved && command.status === 'idle' ? t('selection.console.profileSaved') : ''}
        </p>
      </form>
    </article>
  );
}

export function Profiles({ state }: { state: SelectionFacilitatorState }) {
  const { t } = useTranslation();
  const { config, phase } = state.workshop;
  return (
    <section className="panel profiles" aria-labelledby="profiles-title">
      <h2 id="profiles-title">{t('selection.console.profilesTitle')}</h2>
      <p className="profiles-note">{t('selection.console.profilesNote')}</p>
      {state.profiles.length === 0 ? (
        <p className="hint">{t('selection.console.profilesEmpty')}</p>
      ) : (
        <div className="profile-list">
          {state.profiles.map((profile) => (
            <ProfileCard key={profile.ideaId} profile={profile} organisations={config.organisations} editable={phase !== 'finalised'} />
          ))}
        </div>
      )}
    </section>
  );
}
