/**
 * Theme collection (SPEC TC-1 … TC-10): what crosses the wire, as zod schemas.
 * Every operation carries a client-made `opId`, so that a resend after a lost
 * acknowledgement changes nothing (TC-4).
 */
import { z } from 'zod';
import { dateSchema, idSchema, LIMITS, opIdSchema, organisationSchema } from '../../schemas.js';
import { multiLine, singleLine } from '../../text.js';
import { ideaDetailsSchema } from '../deepdive/schemas.js';

export const COLLECTION_LIMITS = {
  titleLength: 80,
  descriptionLength: 500,
  /** Proposals one participant may make in one collection (TC-3): a flood stays bounded. */
  proposalsPerParticipant: 30,
  /** Proposals in one collection, all together. */
  proposals: 500,
} as const;

export const COLLECTION_PHASES = ['lobby', 'collecting', 'closed', 'finalised'] as const;
export type CollectionPhase = (typeof COLLECTION_PHASES)[number];

export const PROPOSAL_STATUSES = ['open', 'accepted', 'rejected', 'merged'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const proposalTitleSchema = singleLine(COLLECTION_LIMITS.titleLength);
export const proposalDescriptionSchema = multiLine(COLLECTION_LIMITS.descriptionLength);

export const collectionConfigSchema = z.object({
  title: singleLine(LIMITS.titleLength),
  date: dateSchema.nullable().default(null),
  organisations: z.array(organisationSchema).max(LIMITS.organisations),
  /** TC-5: participants may support proposals (one support each per proposal). */
  supportAllowed: z.boolean().default(false),
});

export const proposalSubmitSchema = z.object({
  opId: opIdSchema,
  title: proposalTitleSchema,
  description: proposalDescriptionSchema.optional(),
  /** In a deep-dive: the project idea's details (DD-3); refused in a theme collection. */
  idea: ideaDetailsSchema.optional(),
});

export const proposalSupportSchema = z.object({
  opId: opIdSchema,
  proposalId: idSchema,
  /** true supports, false takes the support back. */
  support: z.boolean(),
});

export const proposalEditSchema = z.object({
  opId: opIdSchema,
  proposalId: idSchema,
  title: proposalTitleSchema,
  description: proposalDescriptionSchema.optional(),
  /** In a deep-dive: the idea's details as they are to be (DD-3); absent keeps them. */
  idea: ideaDetailsSchema.optional(),
});

export const proposalMergeSchema = z.object({
  opId: opIdSchema,
  /** Merged into `targetId`: its origins and supports go there (TC-7). */
  sourceId: idSchema,
  targetId: idSchema,
});

export const proposalDecideSchema = z.object({
  opId: opIdSchema,
  proposalId: idSchema,
  status: z.enum(['open', 'accepted', 'rejected']),
});

export const collectionUpdateSchema = z.object({
  title: collectionConfigSchema.shape.title.optional(),
  date: dateSchema.nullable().optional(),
  supportAllowed: z.boolean().optional(),
});

export const collectionPhaseSchema = z.object({ phase: z.enum(COLLECTION_PHASES) });

export type CollectionConfig = z.output<typeof collectionConfigSchema>;
export type ProposalSubmitPayload = z.input<typeof proposalSubmitSchema>;
export type ProposalSupportPayload = z.input<typeof proposalSupportSchema>;
export type ProposalEditPayload = z.input<typeof proposalEditSchema>;
export type ProposalMergePayload = z.input<typeof proposalMergeSchema>;
export type ProposalDecidePayload = z.input<typeof proposalDecideSchema>;
export type CollectionUpdatePayload = z.input<typeof collectionUpdateSchema>;
export type CollectionPhasePayload = z.input<typeof collectionPhaseSchema>;
