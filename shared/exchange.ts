/**
 * The JSON workshop file (SPEC X-4): complete enough that importing it into a
 * fresh server reproduces the same aggregates, tiers and consolidation. It
 * carries no personal data: no display names, no tokens, participants only as
 * "p1", "p2", … with their organisation. In anonymous mode the organisations
 * themselves are replaced by their pseudonyms.
 */
import { z } from 'zod';
import type { Decision } from './domain/consolidation.js';
import { singleLine } from './text.js';
import type { Phase } from './domain/phases.js';
import {
  idSchema,
  LIMITS,
  phaseSchema,
  projectorViewSchema,
  reasonSchema,
  tierSchema,
  workshopConfigSchema,
  type ProjectorView,
  type WorkshopConfig,
} from './schemas.js';

export const WORKSHOP_FILE_FORMAT = 'konsens.workshop';
export const WORKSHOP_FILE_VERSION = 1;

/** Bounds for an imported file: a county-wide Quick-Check with 20,000 people still fits. */
export const IMPORT_LIMITS = { participants: 20_000, decisions: 2_000, bytes: 32 * 1024 * 1024 } as const;

const isoTime = z.iso.datetime({ offset: true });

export const workshopFileSchema = z
  .object({
    format: z.literal(WORKSHOP_FILE_FORMAT),
    version: z.literal(WORKSHOP_FILE_VERSION),
    exportedAt: isoTime,
    anonymised: z.boolean(),
    workshop: z.object({
      phase: phaseSchema,
      config: workshopConfigSchema,
      finalisedAt: isoTime.nullable(),
      projectorView: projectorViewSchema,
    }),
    /** Organisation ids in pseudonym order: "Organisation A" is the first that answered. */
    pseudonymOrder: z.array(idSchema).max(LIMITS.organisations),
    participants: z.array(z.object({ ref: idSchema, organisationId: idSchema })).max(IMPORT_LIMITS.participants),
    answers: z
      .array(
        z.object({
          participant: idSchema,
          themeId: idSchema,
          criterionId: idSchema,
          value: z.number().int().nullable(),
        }),
      )
      .max(IMPORT_LIMITS.participants * LIMITS.themes * LIMITS.criteria),
    decisions: z
      .array(
        z.object({
          seq: z.number().int().positive(),
          themeId: idSchema,
          from: tierSchema.nullable(),
          to: tierSchema,
          computed: tierSchema.nullable(),
          reason: reasonSchema,
          at: isoTime,
          /** Who took it (SPEC AC-9): the facilitator's name; accounts stay on their server. */
          by: singleLine(120).optional(),
        }),
      )
      .max(IMPORT_LIMITS.decisions),
  })
  .superRefine((file, ctx) => {
    const { config } = file.workshop;
    const organisations = new Set(config.organisations.map((o) => o.id));
    const themes = new Set(config.themes.map((t) => t.id));
    const criteria = new Set(config.criteria.map((c) => c.id));
    const refs = new Set<string>();
    file.participants.forEach((p, i) => {
      if (refs.has(p.ref)) ctx.addIssue({ code: 'custom', message: `duplicate participant "${p.ref}"`, path: ['participants', i, 'ref'] });
      refs.add(p.ref);
      if (!organisations.has(p.organisationId)) ctx.addIssue({ code: 'custom', message: 'unknown organisation', path: ['participants', i, 'organisationId'] });
    });
    const seen = new Set<string>();
    file.answers.forEach((a, i) => {
      const path = ['answers', i];
      if (!refs.has(a.participant)) ctx.addIssue({ code: 'custom', message: 'unknown participant', path: [...path, 'participant'] });
      if (!themes.has(a.themeId)) ctx.addIssue({ code: 'custom', message: 'unknown theme', path: [...path, 'themeId'] });
      if (!criteria.has(a.criterionId)) ctx.addIssue({ code: 'custom', message: 'unknown criterion', path: [...path, 'criterionId'] });
      if (a.value !== null && (a.value < config.scale.min || a.value > config.scale.max)) {
        ctx.addIssue({ code: 'custom', message: 'not on the scale', path: [...path, 'value'] });
      }
      const key = `${a.participant}\u0000${a.themeId}\u0000${a.criterionId}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: 'duplicate answer', path });
      seen.add(key);
    });
    file.decisions.forEach((d, i) => {
      if (!themes.has(d.themeId)) ctx.addIssue({ code: 'custom', message: 'unknown theme', path: ['decisions', i, 'themeId'] });
      if (d.seq !== i + 1) ctx.addIssue({ code: 'custom', message: 'decisions must be numbered 1, 2, 3 … in order', path: ['decisions', i, 'seq'] });
      if (d.from === d.to) ctx.addIssue({ code: 'custom', message: 'a decision moves a theme to another tier', path: ['decisions', i, 'to'] });
    });
    const { phase, finalisedAt } = file.workshop;
    if (phase === 'lobby' && (file.answers.length > 0 || file.decisions.length > 0)) {
      ctx.addIssue({ code: 'custom', message: 'a workshop in the lobby has no answers and no decisions', path: ['workshop', 'phase'] });
    }
    if ((phase === 'finalised') !== (finalisedAt !== null)) {
      ctx.addIssue({ code: 'custom', message: 'finalisedAt is set exactly when the phase is "finalised"', path: ['workshop', 'finalisedAt'] });
    }
    // Every organisation exactly once, or none (then the server orders them itself).
    const order = file.pseudonymOrder;
    if (order.length > 0 && (order.length !== organisations.size || new Set(order).size !== order.length || order.some((id) => !organisations.has(id)))) {
      ctx.addIssue({ code: 'custom', message: 'must list every organisation id exactly once (or be empty)', path: ['pseudonymOrder'] });
    }
  });

export type WorkshopFile = z.output<typeof workshopFileSchema>;

/** What the server hands to the exporter and takes from the importer. */
export interface WorkshopFileContent {
  phase: Phase;
  config: WorkshopConfig;
  finalisedAt: number | null;
  projectorView: ProjectorView;
  pseudonymOrder: string[];
  participants: { ref: string; organisationId: string }[];
  answers: { participant: string; themeId: string; criterionId: string; value: number | null }[];
  decisions: Decision[];
}

export function toWorkshopFile(content: WorkshopFileContent, anonymised: boolean, exportedAt: number): WorkshopFile {
  return {
    format: WORKSHOP_FILE_FORMAT,
    version: WORKSHOP_FILE_VERSION,
    exportedAt: new Date(exportedAt).toISOString(),
    anonymised,
    workshop: {
      phase: content.phase,
      config: content.config,
      finalisedAt: content.finalisedAt === null ? null : new Date(content.finalisedAt).toISOString(),
      projectorView: content.projectorView,
    },
    pseudonymOrder: content.pseudonymOrder,
    participants: content.participants,
    answers: content.answers,
    decisions: content.decisions.map(({ by, ...d }) => ({ ...d, at: new Date(d.at).toISOString(), ...(by ? { by: by.name } : {}) })),
  };
}

export function fromWorkshopFile(file: WorkshopFile): WorkshopFileContent {
  const { workshop } = file;
  return {
    phase: workshop.phase,
    config: workshop.config,
    finalisedAt: workshop.finalisedAt === null ? null : Date.parse(workshop.finalisedAt),
    projectorView: workshop.projectorView,
    pseudonymOrder: file.pseudonymOrder,
    participants: file.participants,
    answers: file.answers,
    decisions: file.decisions.map(({ by, ...d }) => ({ ...d, at: Date.parse(d.at), ...(by ? { by: { accountId: null, name: by } } : {}) })),
  };
}
