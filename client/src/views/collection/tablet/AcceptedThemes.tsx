/** The accepted themes, in the order they were accepted (SPEC TC-9, TC-10). */
import { useTranslation } from 'react-i18next';
import type { AcceptedTheme } from '../../../../../shared/activities/collection/views';

export function AcceptedThemes({ accepted }: { accepted: AcceptedTheme[] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="accepted-title">
      <h2 id="accepted-title">{t('collection.accepted.title')}</h2>
      {accepted.length === 0 ? (
        <p className="hint">{t('collection.accepted.empty')}</p>
      ) : (
        <ul className="accepted-list">
          {accepted.map((theme) => (
            <li key={theme.id}>
              <span className="accepted-name">{theme.title}</span>
              {theme.description && <span className="description">{theme.description}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
