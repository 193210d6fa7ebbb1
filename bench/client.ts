/**
 * What the load generators (loadgen.ts, cpu.ts) do as clients: connect, call
 * with an acknowledgement, set up a workshop open for scoring, and send
 * ballots at a steady rate.
 */
import { io, type Socket } from 'socket.io-client';
import { workshopFromTemplate } from '../shared/domain/templates.js';
import { PROTOCOL_VERSION, type Ack, type FacilitatorSession } from '../shared/protocol.js';
import { BENCH_ACCOUNT } from './account.js';

const template = workshopFromTemplate('coesfeld');
export const THEMES = template.themes.map((t) => t.id);
export const CRITERIA = template.criteria.map((c) => c.id);
export const ORGANISATIONS = template.organisations.map((o) => o.id);


const cookies = new Map<string, Promise<string>>();

/** Sign in as the benchmark's account (once per server): facilitators create workshops signed in (SPEC AC-7). */
export function signIn(url: string): Promise<string> {
  let cookie = cookies.get(url);
  if (!cookie) {
    cookie = fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BENCH_ACCOUNT) }).then((response) => {
      if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
      return response.headers.get('set-cookie')!.split(';')[0]!;
    });
    cookies.set(url, cookie);
  }
  return cookie;
}

/** POST JSON as a signed-in facilitator. */
async function post<T>(url: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: await signIn(url) }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** How a ballot is sent: 16 events of one answer, or one `answer:batch`. */
export type BallotMode = 'events' | 'batch';

export function open(url: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

export function emit<T>(socket: Socket, event: string, payload: unknown): Promise<Ack<T>> {
  return socket.timeout(60_000).emitWithAck(event, payload) as Promise<Ack<T>>;
}

/**
 * Konsens: a new workshop of the Coesfeld template, open for scoring, with
 * `dashboard` joined as its facilitator; `probe` adds a probe theme and a probe
 * organisation first. Returns the join code. The relay: `dashboard` joins its dashboard room.
 */
export async function setUpWorkshop(url: string, dashboard: Socket, konsens: boolean, probe = false): Promise<string> {
  if (!konsens) {
    await emit(dashboard, 'workshop:join', { role: 'facilitator' });
    return '';
  }
  const created = await post<{ workshopId: string; code: string }>(url, '/api/workshops', {});
  // The dashboard joins with a co-facilitation link (AC-8): its socket carries no cookie.
  const { secret } = await post<{ secret: string }>(url, `/api/workshops/${created.workshopId}/co-facilitation-link`, {});
  const joined = await emit<FacilitatorSession>(dashboard, 'workshop:join', { role: 'facilitator', workshopId: created.workshopId, secret, protocolVersion: PROTOCOL_VERSION });
  if (!joined.ok) throw new Error(joined.code);
  if (probe) {
    const config = joined.data.state.workshop.config;
    await emit(dashboard, 'workshop:update', {
      themes: [...config.themes, { id: 'probe', name: 'Probe' }],
      organisations: [...config.organisations, { id: 'probe', name: 'Probe' }],
    });
  }
  await emit(dashboard, 'phase:set', { phase: 'scoring' });
  return created.code;
}

/**
 * Send `rate` full ballots a second for `seconds`, each from a random socket with
 * changed values (shifted by `round`; opIds start with `prefix`, unique per call); each reply goes to
 * `onReply` with the number of answers it acknowledges and the ms it took.
 * Resolves with the ballots sent once every reply is in.
 */
export async function sendBallots(
  sockets: readonly Socket[],
  mode: BallotMode,
  rate: number,
  seconds: number,
  { prefix, round }: { prefix: string; round: number },
  onReply: (reply: Ack<unknown>, answers: number, ms: number) => void,
): Promise<number> {
  let sent = 0;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.floor(((performance.now() - started) / 1000) * rate) - sent;
      for (let b = 0; b < due; b++, sent++) {
        const socket = sockets[Math.floor(Math.random() * sockets.length)]!;
        const value = 1 + ((sent + round) % 5);
        const ballot = THEMES.flatMap((themeId) => CRITERIA.map((criterionId) => ({ opId: `${prefix}-${sent}-${themeId}-${criterionId}`, themeId, criterionId, value })));
        const t0 = performance.now();
        const replied = (answers: number) => (reply: Ack<unknown>) => onReply(reply, answers, performance.now() - t0);
        if (mode === 'batch') {
          pending.push(emit(socket, 'answer:batch', { answers: ballot }).then(replied(ballot.length), () => undefined));
        } else {
          for (const answer of ballot) pending.push(emit(socket, 'answer:set', answer).then(replied(1), () => undefined));
        }
      }
      if (performance.now() - started >= seconds * 1000) {
        clearInterval(timer);
        resolve();
      }
    }, 5);
  });
  await Promise.all(pending);
  return sent;
}

/**
 * A burst: every socket sends one full ballot as one `answer:batch` at a random moment within `ms`
 * (opIds start with `prefix`, values shift with `round`). Resolves, once every reply is in, with the
 * acknowledgement times (ms) of the accepted ballots.
 */
export async function burstOfBallots(sockets: readonly Socket[], ms: number, prefix: string, round: number): Promise<number[]> {
  const ackMs: number[] = [];
  await Promise.all(
    sockets.map(
      (socket, i) =>
        new Promise<void>((resolve) => {
          setTimeout(() => {
            const answers = THEMES.flatMap((themeId, t) => CRITERIA.map((criterionId, c) => ({ opId: `${prefix}${round}-${i}-${t}-${c}`, themeId, criterionId, value: 1 + ((i + t + c + round) % 5) })));
            const t0 = performance.now();
            emit(socket, 'answer:batch', { answers }).then(
              (reply) => {
                if (reply.ok) ackMs.push(performance.now() - t0);
                resolve();
              },
              () => resolve(),
            );
          }, Math.random() * ms);
        }),
    ),
  );
  return ackMs;
}
