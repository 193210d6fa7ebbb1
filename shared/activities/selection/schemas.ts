/**
 * Project selection (SPEC SE-1 … SE-10): the accepted ideas of the process's
 * deep-dives, a vote with points or dots, a budget with two selection rules
 * side by side (BU-1 … BU-7), overrides with reasons and the project profiles
 * (Steckbriefe). What crosses the wire, as zod schemas; every operation
 * carries an `opId` (SE-4).
 */
import { z } from 'zod';
import { euroSchema } from '../../money.js';
import { dateSchema, idSchema, LIMITS, opIdSchema, organisationSchema, votingUnitSchema } from '../../schemas.js';
import { multiLine, optionalLine, singleLine } from '../../text.js';

export const SELECTION_LIMITS = {
  ideas: 200,
  titleLength: 80,
  descriptionLength: 500,
  partnersLength: 300,
  goalLength: 1000,
  timelineLength: 200,
  votes: 20,
} as const;

export const SELECTION_PHASES = ['lobby', 'running', 'finalised'] as const;
export type SelectionPhase = (typeof SELECTION_PHASES)[number];

export const VOTE_MODES = ['points', 'dots'] as const;
export type VoteMode = (typeof VOTE_MODES)[number];

/** SE-9: where a project stands. */
export const PROFILE_STATUSES = ['proposed', 'planned', 'running', 'done', 'stopped'] as const;
export type ProfileStatus = (typeof PROFILE_STATUSES)[number];

export const SELECTION_RULES = ['greedy', 'equalShares'] as const;
export type SelectionRule = (typeof SELECTION_RULES)[number];

const ideaTitle = singleLine(SELECTION_LIMITS.titleLength);

/** An idea as the selection holds it (SE-1): from a deep-dive, or added by the facilitator. */
export const selectionIdeaSchema = z.object({
  id: idSchema,
  title: ideaTitle,
  description: multiLine(SELECTION_LIMITS.descriptionLength).nullable().default(null),
  /** The deep-dive's theme; null for an idea without one. */
  themeId: idSchema.nullable().default(null),
  themeName: optionalLine(LIMITS.nameLength).default(''),
  /** The deep-dive it came from. */
  sourceWorkshopId: idSchema.nullable().default(null),
  leadOrganisationId: idSchema.nullable().default(null),
  partners: optionalLine(SELECTION_LIMITS.partnersLength).default(''),
  cost: euroSchema.nullable().default(null),
});

export const selectionConfigSchema = z.object({
  title: singleLine(LIMITS.titleLength),
  date: dateSchema.nullable().default(null),
  organisations: z.array(organisationSchema).max(LIMITS.organisations),
  /** The ideas it was created with (SE-1). */
  ideas: z.array(selectionIdeaSchema).max(SELECTION_LIMITS.ideas).default([]),
  /** SE-6: the budget in euros; null: none set yet. */
  budget: euroSchema.nullable().default(null),
  /** SE-7: the rule whose result is the selection (before overrides). */
  rule: z.enum(SELECTION_RULES).default('equalShares'),
});

/** SE-2: the facilitator adds an idea (no `ideaId`) or changes one. */
export const ideaPutSchema = z.object({
  opId: opIdSchema,
  ideaId: idSchema.optional(),
  /** Required for a new idea (without `ideaId`). */
  title: ideaTitle.optional(),
  description: multiLine(SELECTION_LIMITS.descriptionLength).optional(),
  themeName: optionalLine(LIMITS.nameLength).optional(),
  leadOrganisationId: idSchema.nullable().optional(),
  partners: optionalLine(SELECTION_LIMITS.partnersLength).optional(),
  cost: euroSchema.nullable().optional(),
});

/** SE-3: a vote's settings; the server fills in the defaults (100 points; 5 dots, at most 2 per idea). */
export const voteOpenSchema = z
  .object({
    opId: opIdSchema,
    mode: z.enum(VOTE_MODES),
    /** Points or dots per voting unit. */
    allowance: z.number().int().min(1).max(1000).optional(),
    /** At most this many on one idea. */
    maxPerIdea: z.number().int().min(1).max(1000).optional(),
    unit: votingUnitSchema.default('organisation'),
  })
  .transform((v) => {
    const allowance = v.allowance ?? (v.mode === 'points' ? 100 : 5);
    const maxPerIdea = Math.min(v.maxPerIdea ?? (v.mode === 'points' ? allowance : 2), allowance);
    return { ...v, allowance, maxPerIdea };
  });

export const voteRefSchema = z.object({ opId: opIdSchema, voteId: idSchema });

export const voteRevealSchema = z.object({ opId: opIdSchema, voteId: idSchema, revealed: z.boolean() });

/** SE-4: how many points (dots) the sender's voting unit gives one idea now — absolute, so a resend or a race cannot add up. */
export const pointsSetSchema = z.object({
  opId: opIdSchema,
  voteId: idSchema,
  ideaId: idSchema,
  points: z.number().int().min(0).max(1000),
});

/** SE-8: include or exclude an idea against the rule, with a reason; `decision: null` takes the override back. */
export const overrideSchema = z
  .object({
    opId: opIdSchema,
    ideaId: idSchema,
    decision: z.enum(['include', 'exclude']).nullable(),
    reason: optionalLine(LIMITS.reasonLength).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== null && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'an override needs a reason' });
  });

/** SE-9: a selected idea's profile. */
export const profileSchema = z.object({
  opId: opIdSchema,
  ideaId: idSchema,
  goal: multiLine(SELECTION_LIMITS.goalLength).optional(),
  timeline: optionalLine(SELECTION_LIMITS.timelineLength).optional(),
  status: z.enum(PROFILE_STATUSES).optional(),
});

export const selectionUpdateSchema = z.object({
  title: selectionConfigSchema.shape.title.optional(),
  date: dateSchema.nullable().optional(),
  budget: euroSchema.nullable().optional(),
  rule: z.enum(SELECTION_RULES).optional(),
});

export const selectionPhaseSchema = z.object({ phase: z.enum(SELECTION_PHASES) });

export type SelectionConfig = z.output<typeof selectionConfigSchema>;
export type SelectionIdea = z.output<typeof selectionIdeaSchema>;
export type IdeaPutPayload = z.input<typeof ideaPutSchema>;
export type VoteOpenPayload = z.input<typeof voteOpenSchema>;
export type VoteRefPayload = z.input<typeof voteRefSchema>;
export type VoteRevealPayload = z.input<typeof voteRevealSchema>;
export type PointsSetPayload = z.input<typeof pointsSetSchema>;
export type OverridePayload = z.input<typeof overrideSchema>;
export type ProfilePayload = z.input<typeof profileSchema>;
export type SelectionUpdatePayload = z.input<typeof selectionUpdateSchema>;
export type SelectionPhasePayload = z.input<typeof selectionPhaseSchema>;
