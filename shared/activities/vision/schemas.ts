/**
 * Vision with a consent check (SPEC VI-1 … VI-9): what crosses the wire, as
 * zod schemas. Every operation carries a client-made `opId`, so that a resend
 * after a lost acknowledgement changes nothing (VI-4).
 */
import { z } from 'zod';
import { dateSchema, idSchema, LIMITS, opIdSchema, organisationSchema, votingUnitSchema } from '../../schemas.js';
import { multiLine, optionalLine, singleLine } from '../../text.js';

export const VISION_LIMITS = {
  titleLength: 120,
  /** A statement's text: paragraphs and lists ("- " or "1. " at a line's start), VI-2. */
  textLength: 4000,
  /** A concern's or objection's reason. */
  reasonLength: 500,
  statements: 60,
  /** Versions of one statement. */
  versions: 30,
} as const;

export const VISION_PHASES = ['lobby', 'running', 'finalised'] as const;
export type VisionPhase = (typeof VISION_PHASES)[number];

export const STATEMENT_KINDS = ['principle', 'picture'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

/** VI-5: Zustimmung, Bedenken, schwerwiegender Einwand. */
export const CONSENT_ANSWERS = ['consent', 'concern', 'objection'] as const;
export type ConsentAnswer = (typeof CONSENT_ANSWERS)[number];

const statementTitle = singleLine(VISION_LIMITS.titleLength);
const statementText = multiLine(VISION_LIMITS.textLength).pipe(z.string().min(1, 'the text is required'));

/** A prioritised theme a future picture belongs to (VI-1). */
export const visionThemeSchema = z.object({
  themeId: idSchema,
  name: singleLine(LIMITS.nameLength),
  tier: z.enum(['I', 'II', 'III']).nullable(),
});

export const visionConfigSchema = z.object({
  title: singleLine(LIMITS.titleLength),
  date: dateSchema.nullable().default(null),
  organisations: z.array(organisationSchema).max(LIMITS.organisations),
  /** VI-5: one answer per organisation (the latest of its representatives stands) or per person. */
  votingUnit: votingUnitSchema.default('organisation'),
  /** The prioritised themes the vision was seeded with (one future picture each). */
  themes: z.array(visionThemeSchema).max(LIMITS.themes).default([]),
});

export const statementAddSchema = z.object({
  opId: opIdSchema,
  kind: z.enum(STATEMENT_KINDS),
  /** A future picture's theme (one of the configuration's themes); none for a principle. */
  themeId: idSchema.optional(),
  title: statementTitle,
  text: statementText,
});

export const statementReviseSchema = z.object({
  opId: opIdSchema,
  statementId: idSchema,
  title: statementTitle,
  text: statementText,
});

export const statementWithdrawSchema = z.object({
  opId: opIdSchema,
  statementId: idSchema,
  /** false brings a withdrawn statement back. */
  withdrawn: z.boolean(),
});

export const consentRoundSchema = z.object({
  opId: opIdSchema,
  statementId: idSchema,
});

export const consentAnswerSchema = z
  .object({
    opId: opIdSchema,
    statementId: idSchema,
    /** The round the participant saw: an answer to a closed round is refused, never moved to the next one. */
    round: z.number().int().min(1).max(1000),
    answer: z.enum(CONSENT_ANSWERS),
    /** A concern's optional note; an objection's required reason (VI-5). */
    text: optionalLine(VISION_LIMITS.reasonLength).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.answer === 'objection' && !value.text) ctx.addIssue({ code: 'custom', path: ['text'], message: 'a serious objection needs a reason' });
  });

export const visionUpdateSchema = z.object({
  title: visionConfigSchema.shape.title.optional(),
  date: dateSchema.nullable().optional(),
  votingUnit: votingUnitSchema.optional(),
});

export const visionPhaseSchema = z.object({ phase: z.enum(VISION_PHASES) });

export type VisionConfig = z.output<typeof visionConfigSchema>;
export type VisionTheme = z.output<typeof visionThemeSchema>;
export type StatementAddPayload = z.input<typeof statementAddSchema>;
export type StatementRevisePayload = z.input<typeof statementReviseSchema>;
export type StatementWithdrawPayload = z.input<typeof statementWithdrawSchema>;
export type ConsentRoundPayload = z.input<typeof consentRoundSchema>;
export type ConsentAnswerPayload = z.input<typeof consentAnswerSchema>;
export type VisionUpdatePayload = z.input<typeof visionUpdateSchema>;
export type VisionPhasePayload = z.input<typeof visionPhaseSchema>;
