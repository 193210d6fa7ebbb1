/**
 * Creating a workshop as a step of a process: from a template (H-1), as a copy
 * for a new round (P-7), or from an exported file. Each gets a fresh id
 * and join code, and no co-facilitation link until one is made (AC-8).
 */
import type { WorkshopFileContent } from '../../shared/exchange.js';
import type { StepKind } from '../../shared/process.js';
import type { CreatedWorkshop } from '../../shared/protocol.js';
import type { WorkshopConfig } from '../../shared/schemas.js';
import { newId, newJoinCode, newSecret } from '../security/tokens.js';
import { DuplicateCodeError, type WorkshopRecord, type WorkshopSnapshot, type WorkshopStore } from '../store/types.js';

/** Where a new workshop goes: its process and its place there. */
export interface Placement {
  processId: string | null;
  kind: StepKind;
  position: number;
}

/** Imported participants cannot resume: their token hash matches no token (a real hash is 64 hex digits). */
const IMPORTED = 'imported:';

function created(record: WorkshopRecord): CreatedWorkshop {
  return {
    workshopId: record.id,
    processId: record.processId,
    code: record.code,
    facilitatorPath: `/moderation/${record.id}`,
    joinPath: `/join/${record.code}`,
    projectorPath: `/projector/${record.code}`,
  };
}

function newRecord(config: WorkshopConfig, now: number, placement: Placement): WorkshopRecord {
  return {
    id: newId(),
    code: newJoinCode(),
    secretHash: '',
    ...placement,
    config,
    phase: 'lobby',
    revision: 1,
    createdAt: now,
    updatedAt: now,
    meta: { projectorView: 'overview', finalisedAt: null, pseudonymKey: newSecret() },
  };
}

/** Retry with another code on the rare collision. */
export async function withFreshCode<R extends { code: string }>(record: R, insert: (record: R) => Promise<void>): Promise<R> {
  for (let attempt = 0; ; attempt++) {
    const candidate = attempt === 0 ? record : { ...record, code: newJoinCode() };
    try {
      await insert(candidate);
      return candidate;
    } catch (error) {
      if (!(error instanceof DuplicateCodeError) || attempt >= 10) throw error;
    }
  }
}

export async function createWorkshop(store: WorkshopStore, config: WorkshopConfig, now: number, placement: Placement): Promise<CreatedWorkshop> {
  const record = await withFreshCode(newRecord(config, now, placement), (r) => store.createWorkshop(r));
  return created(record);
}

/** P-7: a new round: the same setup, in the lobby, without participants, answers or decisions. */
export function nextRoundTitle(title: string): string {
  const match = /^(.*) \(Runde (\d+)\)$/.exec(title);
  const next = match ? `${match[1]} (Runde ${Number(match[2]) + 1})` : `${title} (Runde 2)`;
  return next.length <= 200 ? next : title;
}

/** everything of the file, under a new id and code; imported participants cannot resume. */
export async function importWorkshop(store: WorkshopStore, content: WorkshopFileContent, now: number, placement: Placement): Promise<CreatedWorkshop> {
  const base = newRecord(content.config, now, placement);
  const workshop: WorkshopRecord = {
    ...base,
    phase: content.phase,
    meta: {
      ...base.meta,
      projectorView: content.projectorView,
      finalisedAt: content.finalisedAt,
      pseudonymOrder: content.pseudonymOrder,
    },
  };
  const ids = new Map(content.participants.map((p) => [p.ref, newId()] as const));
  const snapshot = (record: WorkshopRecord): WorkshopSnapshot => ({
    workshop: record,
    participants: content.participants.map((p) => ({
      id: ids.get(p.ref)!,
      workshopId: record.id,
      organisationId: p.organisationId,
      displayName: null,
      tokenHash: `${IMPORTED}${ids.get(p.ref)!}`,
      createdAt: now,
    })),
    answers: content.answers.map((a, i) => ({
      participantId: ids.get(a.participant)!,
      themeId: a.themeId,
      criterionId: a.criterionId,
      value: a.value,
      opId: `import-${i}`,
      updatedAt: now,
    })),
    opIds: [],
    decisions: content.decisions,
  });
  const record = await withFreshCode(workshop, (r) => store.importWorkshop(snapshot(r)));
  return created(record);
}
