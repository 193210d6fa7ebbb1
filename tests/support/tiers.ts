/**
 * A strategy process whose Quick-Check is finalised with decided tiers, for
 * the steps that build on them (vision, deep-dives): made through the real
 * HTTP routes and sockets, as a facilitator would.
 */
import { io } from 'socket.io-client';
import type { Tier } from '../../shared/domain/tiering.js';
import type { ProcessView } from '../../shared/process.js';
import { PROTOCOL_VERSION, type CreatedWorkshop, type FacilitatorSession, type FacilitatorState } from '../../shared/protocol.js';
import { adminCookie, api, connect, ok, opId, recordStates, until, type Client } from './harness.js';

/** The themes of the Coesfeld template and the tier each ends in. */
export const DECIDED: Readonly<Record<string, Tier>> = {
  verwaltung: 'I',
  bildung: 'I',
  mobilitaet: 'II',
  wirtschaft: 'II',
  tourismus: 'III',
  kultur: 'III',
};

export const THEME_NAMES: Readonly<Record<string, string>> = {
  verwaltung: 'Verwaltung',
  bildung: 'Bildung',
  mobilitaet: 'Mobilität',
  wirtschaft: 'Wirtschaft',
  tourismus: 'Tourismus',
  kultur: 'Kultur',
};

export function facilitatorSocket(url: string, cookie: string): Client {
  return io(url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie } }) as Client;
}

/**
 * A process with the Coesfeld roster and a finalised Quick-Check whose themes
 * end in the tiers of DECIDED: four organisations rate, the facilitator moves
 * every theme whose computed tier differs (with a reason), and finalises.
 */
export async function processWithTiers(url: string, cookie?: string): Promise<{ cookie: string; process: ProcessView; quickCheck: CreatedWorkshop }> {
  const signedIn = cookie ?? (await adminCookie(url));
  const process = (await (await api(url, '/api/processes', { body: { title: 'Digitalstrategie Kreis Coesfeld', template: 'coesfeld' }, cookie: signedIn })).json()) as ProcessView;
  const quickCheck = (await (await api(url, `/api/processes/${process.id}/steps`, { body: { kind: 'quickcheck', title: 'Quick-Check 2020' }, cookie: signedIn })).json()) as CreatedWorkshop;
  const f = facilitatorSocket(url, signedIn);
  try {
    const { state } = await ok<FacilitatorSession>(f, 'workshop:join', { role: 'facilitator', workshopId: quickCheck.workshopId, protocolVersion: PROTOCOL_VERSION });
    const themes = Object.keys(DECIDED).map((id) => ({ id, name: THEME_NAMES[id]! }));
    await ok(f, 'workshop:update', { themes });
    const states = recordStates(f);
    await ok(f, 'phase:set', { phase: 'scoring' });
    const { criteria, organisations } = state.workshop.config;
    const level: Record<Tier, number> = { I: 5, II: 3, III: 1 };
    for (const organisation of organisations.slice(0, 4)) {
      const tablet = connect(url);
      await ok(tablet, 'workshop:join', { role: 'participant', code: quickCheck.code, organisationId: organisation.id, protocolVersion: PROTOCOL_VERSION });
      const answers = themes.flatMap((theme) => criteria.map((c) => ({ opId: opId(), themeId: theme.id, criterionId: c.id, value: level[DECIDED[theme.id]!] })));
      await ok(tablet, 'answer:batch', { answers });
      tablet.disconnect();
    }
    for (const phase of ['closed', 'revealed', 'consolidating']) await ok(f, 'phase:set', { phase });
    const consolidating = await until(() => states.findLast((s) => s.role === 'facilitator' && s.workshop.phase === 'consolidating' && s.consolidation) as FacilitatorState | undefined, 'consolidation');
    for (const t of consolidating.consolidation!.themes) {
      const wanted = DECIDED[t.themeId]!;
      if (t.tier !== wanted) await ok(f, 'consolidation:move', { themeId: t.themeId, tier: wanted, reason: 'im Workshop so beschlossen' });
    }
    await ok(f, 'phase:set', { phase: 'finalised' });
  } finally {
    f.disconnect();
  }
  return { cookie: signedIn, process, quickCheck };
}
