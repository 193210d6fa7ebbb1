/**
 * Deep-dive workshops (SPEC DD-1 … DD-8): one per prioritised theme, where
 * participants — in the room or online through the same join link — submit
 * project ideas that the facilitator edits, merges and accepts. Ideas travel
 * as the theme collection's proposals with idea details (the same operations,
 * log and rules, TC-2 … TC-8); this module adds the details and the
 * configuration.
 */
import { z } from 'zod';
import { euroSchema } from '../../money.js';
import { dateSchema, idSchema, LIMITS, organisationSchema, tierSchema } from '../../schemas.js';
import { optionalLine, singleLine } from '../../text.js';

export const DEEPDIVE_LIMITS = {
  partnersLength: 300,
} as const;

/** DD-3: what makes a proposal a project idea. All optional; the cost in euros. */
export const ideaDetailsSchema = z.object({
  /** One of the workshop's organisations. */
  leadOrganisationId: idSchema.nullable().default(null),
  partners: optionalLine(DEEPDIVE_LIMITS.partnersLength).default(''),
  cost: euroSchema.nullable().default(null),
});

export type IdeaDetails = z.output<typeof ideaDetailsSchema>;
export type IdeaDetailsInput = z.input<typeof ideaDetailsSchema>;

/** DD-1: the theme a deep-dive works on, from the decided tiers; `gateReason` when it lay outside the gate (DD-2). */
export const deepDiveThemeSchema = z.object({
  themeId: idSchema,
  name: singleLine(LIMITS.nameLength),
  tier: tierSchema.nullable(),
  /** The Quick-Check whose decided tiers opened it. */
  sourceWorkshopId: idSchema,
  gateReason: z.string().max(LIMITS.reasonLength).nullable().default(null),
});

export const deepDiveConfigSchema = z.object({
  title: singleLine(LIMITS.titleLength),
  date: dateSchema.nullable().default(null),
  organisations: z.array(organisationSchema).max(LIMITS.organisations),
  theme: deepDiveThemeSchema,
  /** Participants may support ideas (TC-5). */
  supportAllowed: z.boolean().default(false),
});

export type DeepDiveConfig = z.output<typeof deepDiveConfigSchema>;
export type DeepDiveTheme = z.output<typeof deepDiveThemeSchema>;
