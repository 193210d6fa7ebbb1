/**
 * Strategy processes (SPEC PR-1 … PR-8): a title, one roster of organisations
 * for all of its workshops, its facilitators, and its steps in order. Each
 * step is a workshop of one activity kind; a finalised step feeds the next.
 */
import { z } from 'zod';
import { emailSchema } from './accounts.js';
import type { CollectionPhase } from './activities/collection/schemas.js';
import type { Phase } from './domain/phases.js';
import type { Tier } from './domain/tiering.js';
import { idSchema, LIMITS, organisationSchema, tierSchema, type Organisation } from './schemas.js';
import { singleLine } from './text.js';

/** The live activities a step can run; each is a module of its own (README, architecture). */
export const STEP_KINDS = ['collection', 'quickcheck', 'vision', 'deepdive', 'selection'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const processTitleSchema = singleLine(LIMITS.titleLength);

export const createProcessSchema = z.object({
  title: processTitleSchema,
  /** The roster to start with: the Coesfeld county's 12 organisations, or none. */
  template: z.enum(['coesfeld', 'blank']).default('coesfeld'),
});

/** PR-9: the tiers whose themes get deep-dives ("Vertiefung nur für Priorität I und II"). */
export const deepDiveTiersSchema = z
  .array(tierSchema)
  .min(1)
  .max(3)
  .refine((tiers) => new Set(tiers).size === tiers.length, 'each tier once');

export const processSettingsSchema = z.object({
  deepDiveTiers: deepDiveTiersSchema.default(['I', 'II']),
});

export type ProcessSettings = z.output<typeof processSettingsSchema>;

export const processPatchSchema = z.object({
  title: processTitleSchema.optional(),
  organisations: z.array(organisationSchema).max(LIMITS.organisations).optional(),
  deepDiveTiers: deepDiveTiersSchema.optional(),
});

export const addFacilitatorSchema = z.object({ email: emailSchema });

export const createStepSchema = z.object({
  kind: z.enum(STEP_KINDS),
  title: singleLine(LIMITS.titleLength).optional(),
  /**
   * A finalised step of this process whose result seeds the new Quick-Check
   * (PR-5): a collection's accepted themes, or an earlier round's setup.
   */
  from: idSchema.optional(),
  /** A deep-dive's theme (DD-1), from the decided tiers of `from` (default: the latest finalised Quick-Check). */
  themeId: idSchema.optional(),
  /** DD-2: why a theme outside the gate gets a deep-dive all the same; required then. */
  reason: singleLine(LIMITS.reasonLength).optional(),
});

export type CreateProcessRequest = z.input<typeof createProcessSchema>;
export type ProcessPatch = z.input<typeof processPatchSchema>;
export type CreateStepRequest = z.input<typeof createStepSchema>;

export interface StepView {
  workshopId: string;
  kind: StepKind;
  title: string;
  code: string;
  phase: Phase | CollectionPhase;
  /** 1, 2, 3 … in the order the steps were added. */
  position: number;
  finalisedAt: number | null;
  createdAt: number;
  /** A deep-dive's theme (DD-1); null for other steps. */
  theme: StepTheme | null;
}

export interface StepTheme {
  themeId: string;
  name: string;
  tier: Tier | null;
  /** DD-2: why a theme outside the gate got its deep-dive; null inside the gate. */
  gateReason: string | null;
}

export interface PersonRef {
  id: string;
  name: string;
  email: string;
}

export interface ProcessSummary {
  id: string;
  title: string;
  /** null for a workshop from before accounts (AC-7). */
  owner: PersonRef | null;
  steps: StepView[];
  updatedAt: number;
}

export interface ProcessView extends ProcessSummary {
  organisations: Organisation[];
  facilitators: PersonRef[];
  settings: ProcessSettings;
  /** The caller may change the roster and the facilitators (the owner, or an administrator). */
  mayManage: boolean;
}

/**
 * What a finalised Quick-Check hands on (PR-6): the decided tier of every theme,
 * for the steps that follow (deep-dives open only for the tiers they name).
 */
export interface DecidedTiers {
  workshopId: string;
  title: string;
  finalisedAt: number;
  themes: { themeId: string; name: string; tier: Tier | null }[];
}
