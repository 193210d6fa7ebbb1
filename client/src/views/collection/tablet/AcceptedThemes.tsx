/** The accepted themes, in the order they were accepted (SPEC TC-9, TC-10); in a deep-dive the accepted ideas with their details (DD-5). */
import type { AcceptedTheme } from '../../../../../shared/activities/collection/views';
import { IdeaFacts } from '../../deepdive/idea/IdeaFacts';
import { useIdeas, useTerms } from '../ideas';

export function AcceptedThemes({ accepted }: { accepted: AcceptedTheme[] }) {
  const term = useTerms();
  const ideas = useIdeas();
  return (
    <section className="card" aria-labelledby="accepted-title">
      <h2 id="accepted-title">{term('accepted.title')}</h2>
      {accepted.length === 0 ? (
        <p className="hint">{term('accepted.empty')}</p>
      ) : (
        <ul className="accepted-list">
          {accepted.map((theme) => (
            <li key={theme.id}>
              <span className="accepted-name">{theme.title}</span>
              {theme.description && <span className="description">{theme.description}</span>}
              {ideas && <IdeaFacts idea={theme.idea} organisations={ideas.organisations} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
