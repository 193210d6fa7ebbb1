/**
 * The latency probe both load generators send (bench/loadgen.ts, bench/burstgen.ts):
 * every PROBE_INTERVAL_MS one probe answer from a participant of its own, timed
 * until the dashboard shows it.
 *
 * Konsens probe: set then withdraw the probe organisation's cells, so that its
 * "answered" count in the facilitator's register walks 1…18…0 and tells which
 * probe a push reflects. Every probe changes the count by one, so a push with a
 * new count shows at least one new probe; the earliest unseen probe with that
 * count is one the push shows for certain (the latest it shows has the count
 * too, and the server takes probes in order), so no probe is ever timed before
 * it was shown. The relays echo the probe's sequence number instead.
 */
import type { Socket } from 'socket.io-client';
import type { FacilitatorState } from '../shared/protocol.js';
import { CRITERIA, THEMES } from './client.js';

export const PROBE_INTERVAL_MS = 25;
const PROBE_CELLS = [...THEMES, 'probe'].flatMap((themeId) => CRITERIA.map((criterionId) => ({ themeId, criterionId })));
const CYCLE = 2 * PROBE_CELLS.length;

/** Probe k of the sequence: Konsens sets or withdraws one cell of the probe organisation, a relay gets the sequence number. */
export function sendProbe(probe: Socket, konsens: boolean, k: number): void {
  const step = k % CYCLE;
  const cell = PROBE_CELLS[step < PROBE_CELLS.length ? step : CYCLE - 1 - step]!;
  const opId = `probe-${k}-op`;
  if (!konsens) probe.emit('answer:set', { opId, ...cell, value: 3, probe: { seq: k } }, () => undefined);
  else if (step < PROBE_CELLS.length) probe.emit('answer:set', { opId, ...cell, value: null }, () => undefined);
  else probe.emit('answer:withdraw', { opId, ...cell }, () => undefined);
}

/** The probe organisation's answered count after probe k. */
function answeredAfter(k: number): number {
  const step = k % CYCLE;
  return step < PROBE_CELLS.length ? step + 1 : CYCLE - 1 - step;
}

/**
 * Konsens: on each facilitator push with a new probe count, the earliest unseen probe
 * (from `firstUnseen` to `sent` − 1) with that count, which the push shows for certain.
 */
export function watchKonsensProbes(dashboard: Socket, firstUnseen: () => number, sent: () => number, seen: (k: number, at: number) => void): void {
  let lastAnswered = 0;
  dashboard.on('state:update', (state: FacilitatorState) => {
    const at = performance.now();
    const answered = state.progress.organisations.find((o) => o.organisationId === 'probe')?.answered ?? 0;
    if (answered === lastAnswered) return;
    lastAnswered = answered;
    for (let k = firstUnseen(); k < sent(); k++) if (answeredAfter(k) === answered) return seen(k, at);
  });
}
