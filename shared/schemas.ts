/**
 * Zod schemas for everything that crosses the wire. The TypeScript types of
 * the domain are derived from these, so a payload that parses is a value the
 * domain can trust. Unknown keys are stripped (zod's default for objects).
 */
import { z } from 'zod';
import { PHASES } from './domain/phases.js';
import { TIERS } from './domain/tiering.js';
import { singleLine, textProblem } from './text.js';

export const LIMITS = {
  idLength: 64,
  titleLength: 200,
  nameLength: 120,
  descriptionLength: 1000,
  displayNameLength: 60,
  themes: 50,
  organisations: 200,
  criteria: 6,
  scaleSteps: 11,
  tokenLength: 128,
  reasonLength: 500,
  /** Answers in one `answer:batch`: a ballot of 8 themes × 2 criteria six times over, and well within the message size limit. */
  batchAnswers: 100,
} as const;

/** Keys that could reach an object's prototype when used as a property name (SPEC S-7). */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Ids are chosen by the facilitator's client or generated; a safe, readable alphabet. */
export const idSchema = z
  .string()
  .min(1)
  .max(LIMITS.idLength)
  .regex(/^[A-Za-z0-9_-]+$/, 'only letters, digits, "_" and "-"')
  .refine((id) => !RESERVED_KEYS.has(id), 'reserved name');

/**
 * SPEC S-8 for the Quick-Check's texts too: a control character or a
 * non-character (U+FFFE) in a name would make the XLSX's XML invalid.
 */
const readable = (multiLine: boolean) => (text: string, ctx: z.RefinementCtx) => {
  const problem = textProblem(text, multiLine);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
};

const label = (max: number) => singleLine(max);
const description = () => z.string().trim().max(LIMITS.descriptionLength).superRefine(readable(true)).optional();

export const organisationSchema = z.object({
  id: idSchema,
  name: label(LIMITS.nameLength),
  /** Voting weight in organisation mode (SPEC A-4); 1 when omitted. */
  weight: z.number().finite().positive().max(1000).default(1),
});

export const themeSchema = z.object({
  id: idSchema,
  name: label(LIMITS.nameLength),
  description: description(),
});

export const criterionSchema = z.object({
  id: idSchema,
  label: label(LIMITS.nameLength),
  description: description(),
});

export const scaleSchema = z
  .object({
    min: z.number().int().min(0).max(10),
    max: z.number().int().min(1).max(20),
  })
  .refine((s) => s.max > s.min && s.max - s.min < LIMITS.scaleSteps, {
    message: `max must be greater than min, with at most ${LIMITS.scaleSteps} steps`,
  });

/** SPEC T-2 / T-7: cut the combined scores at the two thresholds, or at the two largest gaps between them. */
export const tierMethodSchema = z.enum(['threshold', 'naturalBreaks']);

export const tierRuleSchema = z
  .object({
    /** How the combined scores become tiers; files and workshops from before T-7 have no method: thresholds. */
    method: tierMethodSchema.default('threshold'),
    /** Weight of each criterion in the combined score; a criterion not listed weighs 1. */
    weights: z.record(idSchema, z.number().finite().min(0).max(100)).default({}),
    /** Combined score (0 = scale minimum, 1 = maximum) from which a theme is Priority I (method 'threshold'; kept under natural breaks). */
    priorityI: z.number().min(0).max(1).default(0.7),
    /** Combined score from which a theme is Priority II. */
    priorityII: z.number().min(0).max(1).default(0.5),
    /** Fewer responding organisations than this ⇒ "insufficient data" (SPEC T-4). */
    minOrganisations: z.number().int().min(1).max(LIMITS.organisations).default(3),
    /** Standard deviation, as a fraction of the scale range, from which a theme is flagged "discuss". */
    discussSpread: z.number().min(0).max(1).default(0.25),
  })
  .refine((r) => r.priorityII <= r.priorityI, {
    message: 'priorityII must not exceed priorityI',
    path: ['priorityII'],
  });

export const votingUnitSchema = z.enum(['organisation', 'person']);

/**
 * SPEC E-2: where organisation names may appear next to individual results.
 * 'facilitator' (default): on the facilitator's console only; 'public': also on
 * the projector and in exports; 'anonymous': nowhere, not even on the console.
 */
export const nameVisibilitySchema = z.enum(['facilitator', 'public', 'anonymous']);

/** ISO calendar date (YYYY-MM-DD). */
export const dateSchema = z.iso.date();

const workshopConfigShape = {
  title: label(LIMITS.titleLength),
  date: dateSchema.nullable().default(null),
  organisations: z.array(organisationSchema).max(LIMITS.organisations),
  themes: z.array(themeSchema).max(LIMITS.themes),
  criteria: z.array(criterionSchema).min(1).max(LIMITS.criteria),
  scale: scaleSchema,
  votingUnit: votingUnitSchema.default('organisation'),
  tierRule: tierRuleSchema,
  organisationNames: nameVisibilitySchema.default('facilitator'),
};

function uniqueIds(list: { id: string }[], path: string, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  list.forEach((item, index) => {
    if (seen.has(item.id)) {
      ctx.addIssue({ code: 'custom', message: `duplicate id "${item.id}"`, path: [path, index, 'id'] });
    }
    seen.add(item.id);
  });
}

export const workshopConfigSchema = z.object(workshopConfigShape).superRefine((config, ctx) => {
  uniqueIds(config.organisations, 'organisations', ctx);
  uniqueIds(config.themes, 'themes', ctx);
  uniqueIds(config.criteria, 'criteria', ctx);
});

/**
 * A facilitator's edit: any subset of the configuration, without defaults (a
 * key that is not sent keeps its value); the merged result is validated again.
 * Lists and the tier rule are replaced as a whole.
 */
export const workshopPatchSchema = z.object({
  title: workshopConfigShape.title.optional(),
  date: dateSchema.nullable().optional(),
  organisations: workshopConfigShape.organisations.optional(),
  themes: workshopConfigShape.themes.optional(),
  criteria: workshopConfigShape.criteria.optional(),
  scale: workshopConfigShape.scale.optional(),
  votingUnit: votingUnitSchema.optional(),
  tierRule: workshopConfigShape.tierRule.optional(),
  organisationNames: nameVisibilitySchema.optional(),
});

export const phaseSchema = z.enum(PHASES);

export const tierSchema = z.enum(TIERS);

/** SPEC C-1: a move asks for a short reason. */
export const reasonSchema = z.string().trim().min(1, 'a reason is required').max(LIMITS.reasonLength).superRefine(readable(true));

export const decisionRequestSchema = z.object({
  themeId: idSchema,
  tier: tierSchema,
  reason: reasonSchema,
});

/** What the projector shows after the reveal (SPEC E-4). */
export const projectorViewSchema = z.enum(['overview', 'individual']);

export const projectorShowSchema = z.object({ view: projectorViewSchema });

/** Join codes are typed by hand: case, spaces and dashes do not matter. */
export const joinCodeSchema = z
  .string()
  .max(32)
  .transform((raw) => raw.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[A-Z0-9]{4,12}$/, 'not a join code'));

const protocolVersion = z.number().int().min(0).max(1_000_000);
const token = z.string().min(16).max(LIMITS.tokenLength).regex(/^[A-Za-z0-9_-]+$/);

export const participantJoinSchema = z.object({
  role: z.literal('participant'),
  code: joinCodeSchema,
  protocolVersion,
  organisationId: idSchema.optional(),
  displayName: z
    .string()
    .trim()
    .max(LIMITS.displayNameLength)
    .superRefine(readable(false))
    .optional()
    .transform((name) => (name ? name : undefined)),
  resumeToken: token.optional(),
});

/** AC-7, AC-8: a signed-in facilitator's connection carries its cookie; a co-facilitation link sends its secret. */
export const facilitatorJoinSchema = z.object({
  role: z.literal('facilitator'),
  workshopId: idSchema,
  secret: token.optional(),
  protocolVersion,
});

export const projectorJoinSchema = z.object({
  role: z.literal('projector'),
  code: joinCodeSchema,
  protocolVersion,
});

export const joinSchema = z.discriminatedUnion('role', [
  participantJoinSchema,
  facilitatorJoinSchema,
  projectorJoinSchema,
]);

/** Client-generated operation id: makes a resent answer idempotent (SPEC D-2). */
export const opIdSchema = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const answerSetSchema = z.object({
  opId: opIdSchema,
  themeId: idSchema,
  criterionId: idSchema,
  /** An integer on the workshop's scale, or null for an explicit abstention. */
  value: z.number().int().nullable(),
});

export const answerWithdrawSchema = z.object({
  opId: opIdSchema,
  themeId: idSchema,
  criterionId: idSchema,
});

/**
 * One answer of a batch: `value` sets it (a number, or null to abstain);
 * `withdraw: true` instead removes it (SPEC D-4).
 */
export const batchAnswerSchema = z
  .object({
    opId: opIdSchema,
    themeId: idSchema,
    criterionId: idSchema,
    value: z.number().int().nullable().optional(),
    withdraw: z.literal(true).optional(),
  })
  .refine((a) => (a.value === undefined) === (a.withdraw === true), 'either a value (a number or null) or withdraw: true');

export const answerBatchSchema = z.object({
  answers: z
    .array(batchAnswerSchema)
    .min(1)
    .max(LIMITS.batchAnswers)
    .superRefine((answers, ctx) => {
      const seen = new Set<string>();
      answers.forEach((a, index) => {
        if (seen.has(a.opId)) ctx.addIssue({ code: 'custom', path: [index, 'opId'], message: 'an opId appears only once in a batch' });
        seen.add(a.opId);
      });
    }),
});

type CheckedBatch = z.output<typeof answerBatchSchema>;

/** The ids' alphabet (idSchema's and opIdSchema's pattern), character by character: quicker than the pattern for a ballot's 48 ids. */
function inIdAlphabet(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    // 0-9, A-Z, a-z, '_', '-'
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45)) return false;
  }
  return true;
}
const isId = (v: unknown, min = 1): v is string => typeof v === 'string' && v.length >= min && v.length <= LIMITS.idLength && inIdAlphabet(v) && !RESERVED_KEYS.has(v);

/** Up to this many answers, duplicate opIds are found by comparing them pairwise, without a set (a ballot of 8 themes × 2 criteria is 16). */
const PAIRWISE_MAX = 24;

/** The keys an answer of a batch may have (batchAnswerSchema's). */
const isEntryKey = (key: string) => key === 'opId' || key === 'themeId' || key === 'criterionId' || key === 'value' || key === 'withdraw';
const plain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/**
 * The common `answer:batch` (a tablet's ballot) checked without zod's per-entry
 * machinery (issue 17: zod was a sixth of the burst's main-thread work). It is
 * derived from `answerBatchSchema` and only ever narrower: it takes a payload
 * only when it is already what the schema would answer — plain objects, no key
 * beyond the schema's, every value valid — and then answers the payload itself
 * (no copy per answer); for anything else undefined, and the caller asks the
 * schema, which also words the refusal (tests/unit/fastBatch.test.ts checks
 * both against random payloads).
 */
export function fastAnswerBatch(payload: unknown): CheckedBatch | undefined {
  if (!plain(payload)) return undefined;
  let keys = 0;
  for (const key in payload) if (key !== 'answers' || ++keys > 1) return undefined;
  const answers = payload.answers;
  if (!Array.isArray(answers) || answers.length < 1 || answers.length > LIMITS.batchAnswers) return undefined;
  // A ballot's opIds are told apart by comparing each with those before it; a longer batch's with a set.
  const seen = answers.length > PAIRWISE_MAX ? new Set<string>() : null;
  for (let i = 0; i < answers.length; i++) {
    const a: unknown = answers[i];
    if (!plain(a)) return undefined;
    for (const key in a) if (!isEntryKey(key)) return undefined;
    const { opId, themeId, criterionId, value, withdraw } = a;
    if (!isId(opId, 8) || !isId(themeId) || !isId(criterionId)) return undefined;
    if (seen) {
      if (seen.has(opId)) return undefined;
      seen.add(opId);
    } else {
      for (let j = 0; j < i; j++) if ((answers[j] as { opId: unknown }).opId === opId) return undefined;
    }
    if (withdraw === undefined) {
      if (value !== null && !Number.isSafeInteger(value)) return undefined;
    } else if (withdraw !== true || value !== undefined || 'value' in a) return undefined;
  }
  return payload as CheckedBatch;
}

const SET_KEYS = new Set(['opId', 'themeId', 'criterionId', 'value']);
const WITHDRAW_KEYS = new Set(['opId', 'themeId', 'criterionId']);

/** The answer's ids, checked as `fastAnswerBatch` checks them; false for anything unusual. */
function plainAnswer(payload: unknown, keys: ReadonlySet<string>): payload is Record<string, unknown> {
  if (!plain(payload)) return false;
  for (const key in payload) if (!keys.has(key)) return false;
  return isId(payload.opId, 8) && isId(payload.themeId) && isId(payload.criterionId);
}

/**
 * A tap (`answer:set`) checked as `fastAnswerBatch` checks a ballot: only
 * ever narrower than `answerSetSchema`, answering the payload itself; undefined
 * hands it to the schema (tests/unit/fastBatch.test.ts).
 */
export function fastAnswerSet(payload: unknown): z.output<typeof answerSetSchema> | undefined {
  if (!plainAnswer(payload, SET_KEYS)) return undefined;
  const { value } = payload;
  return value === null || Number.isSafeInteger(value) ? (payload as z.output<typeof answerSetSchema>) : undefined;
}

/** `answer:withdraw`, the same way against `answerWithdrawSchema`. */
export function fastAnswerWithdraw(payload: unknown): z.output<typeof answerWithdrawSchema> | undefined {
  return plainAnswer(payload, WITHDRAW_KEYS) ? (payload as z.output<typeof answerWithdrawSchema>) : undefined;
}

export const phaseSetSchema = z.object({ phase: phaseSchema });

export const emptySchema = z.object({});

/** SPEC J-5: the facilitator moves a tablet to another organisation; its answers go with it. */
export const participantMoveSchema = z.object({ participantId: idSchema, organisationId: idSchema });

/** SPEC J-6: the facilitator removes a tablet; its answers are deleted. */
export const participantRemoveSchema = z.object({ participantId: idSchema });

/** SPEC J-5: a participant who joined for the wrong organisation switches; their answers go with them. */
export const participantSwitchSchema = z.object({ organisationId: idSchema });

export const createWorkshopSchema = z.object({
  template: z.enum(['coesfeld', 'blank']).default('coesfeld'),
  title: label(LIMITS.titleLength).optional(),
  date: dateSchema.optional(),
});

export type Organisation = z.output<typeof organisationSchema>;
export type Theme = z.output<typeof themeSchema>;
export type Criterion = z.output<typeof criterionSchema>;
export type Scale = z.output<typeof scaleSchema>;
export type TierRule = z.output<typeof tierRuleSchema>;
export type TierMethod = z.output<typeof tierMethodSchema>;
export type VotingUnit = z.output<typeof votingUnitSchema>;
export type NameVisibility = z.output<typeof nameVisibilitySchema>;
export type ProjectorView = z.output<typeof projectorViewSchema>;
export type DecisionRequest = z.input<typeof decisionRequestSchema>;
export type ProjectorShowPayload = z.input<typeof projectorShowSchema>;
export type ParticipantMovePayload = z.input<typeof participantMoveSchema>;
export type ParticipantRemovePayload = z.input<typeof participantRemoveSchema>;
export type ParticipantSwitchPayload = z.input<typeof participantSwitchSchema>;
export type WorkshopConfig = z.output<typeof workshopConfigSchema>;
export type WorkshopConfigInput = z.input<typeof workshopConfigSchema>;
export type WorkshopPatch = z.output<typeof workshopPatchSchema>;
export type WorkshopPatchInput = z.input<typeof workshopPatchSchema>;
export type JoinPayload = z.input<typeof joinSchema>;
export type ParticipantJoin = z.output<typeof participantJoinSchema>;
export type FacilitatorJoin = z.output<typeof facilitatorJoinSchema>;
export type ProjectorJoin = z.output<typeof projectorJoinSchema>;
export type AnswerSetPayload = z.input<typeof answerSetSchema>;
export type AnswerWithdrawPayload = z.input<typeof answerWithdrawSchema>;
export type AnswerBatchPayload = z.input<typeof answerBatchSchema>;
export type PhaseSetPayload = z.input<typeof phaseSetSchema>;
export type CreateWorkshopRequest = z.input<typeof createWorkshopSchema>;
