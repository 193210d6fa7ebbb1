/**
 * Start page: create a workshop from the Coesfeld template and hand out its
 * links. The facilitator, tablet and projector screens follow (Screens issue).
 */
import { useState } from 'react';
import type { CreatedWorkshop } from '../../shared/protocol';

export function App() {
  const [created, setCreated] = useState<CreatedWorkshop | null>(null);
  const [error, setError] = useState(false);

  async function create() {
    setError(false);
    const response = await fetch('/api/workshops', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ template: 'coesfeld' }),
    });
    if (response.ok) setCreated((await response.json()) as CreatedWorkshop);
    else setError(true);
  }

  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '40rem', margin: '2rem auto', padding: '0 1rem' }}>
      <h1>Konsens</h1>
      <p>Priorisierungs-Workshops live durchführen: Quick-Check, Ergebnisse, Prioritäten I–III.</p>
      <button type="button" onClick={() => void create()} style={{ minHeight: 44, padding: '0 1rem', fontSize: '1rem' }}>
        Workshop aus Vorlage anlegen
      </button>
      {error && <p role="alert">Der Workshop konnte nicht angelegt werden.</p>}
      {created && (
        <section aria-live="polite">
          <h2>Workshop angelegt</h2>
          <p>
            Beitrittscode: <strong>{created.code}</strong>
          </p>
          <p>Moderationslink (geheim halten): {created.facilitatorPath}</p>
        </section>
      )}
    </main>
  );
}
