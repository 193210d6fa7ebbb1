/**
 * The Socket.IO event contract between Konsens clients and server: event names,
 * payloads, acknowledgements, pushed state and error codes. Both sides import
 * this module; docs/PROTOCOL.md describes it for people.
 */
import type { StepKind } from './process.js';
import type {
  CollectionPhase,
  CollectionPhasePayload,
  CollectionUpdatePayload,
  ProposalDecidePayload,
  ProposalEditPayload,
  ProposalMergePayload,
  ProposalSubmitPayload,
  ProposalSupportPayload,
} from './activities/collection/schemas.js';
import type { CollectionRoleState, CollectionView, OwnProposal } from './activities/collection/views.js';
import type { DeepDiveRoleState, DeepDiveView } from './activities/deepdive/views.js';
import type {
  ConsentAnswerPayload,
  ConsentRoundPayload,
  StatementAddPayload,
  StatementRevisePayload,
  StatementWithdrawPayload,
  VisionPhase,
  VisionPhasePayload,
  VisionUpdatePayload,
} from './activities/vision/schemas.js';
import type { UnitAnswer, VisionRoleState, VisionView } from './activities/vision/views.js';
import type {
  IdeaPutPayload,
  OverridePayload,
  PointsSetPayload,
  ProfilePayload,
  SelectionPhase,
  SelectionPhasePayload,
  SelectionUpdatePayload,
  VoteOpenPayload,
  VoteRefPayload,
  VoteRevealPayload,
} from './activities/selection/schemas.js';
import type { SelectionRoleState, SelectionView } from './activities/selection/views.js';
import type { Consolidation, Decision } from './domain/consolidation.js';
import type { IndividualResult } from './domain/individual.js';
import type { Phase } from './domain/phases.js';
import type { Progress, ProgressSummary } from './domain/progress.js';
import type { OrganisationResults, Results } from './domain/results.js';
import type { AnswerValue } from './domain/tally.js';
import type {
  AnswerSetPayload,
  AnswerWithdrawPayload,
  AnswerBatchPayload,
  DecisionRequest,
  JoinPayload,
  ParticipantMovePayload,
  ParticipantRemovePayload,
  ParticipantSwitchPayload,
  PhaseSetPayload,
  ProjectorShowPayload,
  ProjectorView,
  WorkshopConfig,
  WorkshopPatchInput,
} from './schemas.js';

/** Bumped on every incompatible change of this contract; a mismatch at join asks the client to reload. */
export const PROTOCOL_VERSION = 4;

export const ERROR_CODES = {
  BAD_REQUEST: 'The payload does not match the event schema (see details).',
  PROTOCOL_MISMATCH: 'Client and server speak different protocol versions: reload the page.',
  NOT_FOUND: 'No workshop with this code or id.',
  UNKNOWN_ORGANISATION: 'The organisation is not part of this workshop.',
  INVALID_RESUME_TOKEN: 'The resume token is not valid for this workshop: join afresh.',
  UNAUTHORISED: 'The secret, token, e-mail address or password is not valid.',
  NOT_SIGNED_IN: 'Sign in as a facilitator first.',
  EMAIL_TAKEN: 'An account with this e-mail address exists.',
  INVITE_USED: 'The invitation has been used or has expired.',
  CROSS_SITE: 'A state-changing request must come from a Konsens page as JSON.',
  NOT_JOINED: 'Join a workshop first.',
  ALREADY_JOINED: 'This connection has already joined a workshop.',
  FORBIDDEN: 'Your role may not do this.',
  WRONG_PHASE: 'Not possible in the current phase.',
  INVALID_TRANSITION: 'The workshop cannot move from its current phase to that one.',
  UNKNOWN_THEME: 'The theme is not part of this workshop.',
  UNKNOWN_CRITERION: 'The criterion is not part of this workshop.',
  OUT_OF_SCALE: 'The score is not on the workshop scale.',
  ORGANISATION_IN_USE: 'Participants have joined for this organisation; it cannot be removed.',
  FINALISED: 'The workshop is finalised and read-only; duplicate it for a new round.',
  UNCHANGED: 'The theme is already in this tier.',
  ANONYMITY_LOCKED: 'Participants rated under the promise of anonymity: the workshop stays anonymous.',
  WRONG_ACTIVITY: 'This workshop runs another activity: the event does not apply to it.',
  UNKNOWN_PROPOSAL: 'No proposal with this id in this collection.',
  PROPOSAL_CLOSED: 'The proposal was rejected or merged into another one.',
  PROPOSAL_LIMIT: 'No more proposals: the limit per participant or collection is reached.',
  SUPPORT_OFF: 'Supporting proposals is not open now.',
  LIMIT_REACHED: 'A limit is reached (see the SPEC: statements, versions).',
  UNKNOWN_STATEMENT: 'No statement with this id in this vision.',
  STATEMENT_WITHDRAWN: 'The statement was withdrawn: bring it back before checking it.',
  CHECK_OPEN: 'A consent check is open: close it first.',
  CHECK_CLOSED: 'This consent check is closed (or another round is running): answer the current one.',
  OUTSIDE_GATE: 'The theme is outside the tiers that get deep-dives: give a reason to open one all the same.',
  UNKNOWN_IDEA: 'No idea with this id in this selection.',
  VOTE_OPEN: 'A vote is open: close it first.',
  VOTE_CLOSED: 'This vote is not open (closed, or another one is running).',
  POINTS_EXCEEDED: 'That would be more points than your allowance: nothing was changed.',
  POINTS_PER_IDEA: 'That would be more points (dots) on one idea than allowed: nothing was changed.',
  COST_OUT_OF_RANGE: 'The cost is more than ten times the budget: check the amount.',
  UNKNOWN_PARTICIPANT: 'No participant with this id in this workshop.',
  RATE_LIMITED: 'Too many requests: slow down and retry.',
  STORAGE_FAILED: 'The answer could not be stored; it was not saved. Retry.',
  INTERNAL: 'Unexpected server error.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorDetail {
  path: string;
  message: string;
}

export type AckError = { ok: false; code: ErrorCode; message: string; details?: ErrorDetail[] };
export type Ack<T> = { ok: true; data: T } | AckError;
export type AckCallback<T> = (response: Ack<T>) => void;

export interface WorkshopView {
  id: string;
  code: string;
  phase: Phase;
  config: WorkshopConfig;
  /** Increases with every change of configuration, phase or projector view. */
  revision: number;
  /** What the projector shows once results are revealed (SPEC E-4). */
  projectorView: ProjectorView;
  /** Milliseconds since the epoch; null until the workshop is finalised (SPEC P-6). */
  finalisedAt: number | null;
}

export interface FacilitatorState {
  role: 'facilitator';
  activity: 'quickcheck';
  workshop: WorkshopView;
  progress: Progress;
  results: Results;
  /** Decided tiers and the audit trail; null before the results are revealed. */
  consolidation: Consolidation | null;
  /** Each organisation's values (SPEC E-1), named unless the workshop is anonymous. */
  individual: IndividualResult[];
}

export interface ProjectorState {
  role: 'projector';
  activity: 'quickcheck';
  workshop: WorkshopView;
  progress: ProgressSummary;
  /** null until the results are revealed. */
  results: Results | null;
  /** null until the results are revealed. */
  consolidation: Consolidation | null;
  /** Only while the facilitator shows individual results; named only if the workshop allows it (SPEC E-2). */
  individual: IndividualResult[] | null;
}

export interface ParticipantState {
  role: 'participant';
  activity: 'quickcheck';
  workshop: WorkshopView;
  /** null until the results are revealed. */
  results: Results | null;
  /** null until the results are revealed. */
  consolidation: Consolidation | null;
  /** The participant's own organisation's values; null until the results are revealed. */
  organisation: OrganisationResults | null;
}

/** A Quick-Check's state per role. */
export type RoleState = FacilitatorState | ProjectorState | ParticipantState;

/** What `state:update` carries: the state of the workshop's activity for the connection's role. */
export type AnyRoleState = RoleState | CollectionRoleState | DeepDiveRoleState | VisionRoleState | SelectionRoleState;

export interface OwnAnswer {
  themeId: string;
  criterionId: string;
  value: AnswerValue;
}

export interface ParticipantSession {
  role: 'participant';
  participantId: string;
  organisationId: string;
  displayName: string | null;
  /** Keep it (e.g. in localStorage) and send it with the next join to be the same participant again. */
  resumeToken: string;
  answers: OwnAnswer[];
  state: ParticipantState;
}

export interface FacilitatorSession {
  role: 'facilitator';
  state: FacilitatorState;
}

export interface ProjectorSession {
  role: 'projector';
  state: ProjectorState;
}

/** The answer to a join of a Quick-Check. */
export type Session = ParticipantSession | FacilitatorSession | ProjectorSession;

/** A participant's join of a theme collection (TC-4): their own proposals and supports come with it. */
export interface CollectionParticipantSession {
  role: 'participant';
  activity: 'collection';
  participantId: string;
  organisationId: string;
  displayName: string | null;
  resumeToken: string;
  own: OwnProposal[];
  /** Ids of the proposals this participant supports. */
  supports: string[];
  state: Extract<CollectionRoleState, { role: 'participant' }>;
}

export type CollectionSession =
  | CollectionParticipantSession
  | { role: 'facilitator'; activity: 'collection'; state: Extract<CollectionRoleState, { role: 'facilitator' }> }
  | { role: 'projector'; activity: 'collection'; state: Extract<CollectionRoleState, { role: 'projector' }> };

/** A participant's join of a deep-dive: as a collection's (its ideas are proposals, DD-4). */
export interface DeepDiveParticipantSession extends Omit<CollectionParticipantSession, 'activity' | 'state'> {
  activity: 'deepdive';
  state: Extract<DeepDiveRoleState, { role: 'participant' }>;
}

/** A participant's join of a vision step (VI-5): the answers its voting unit gave in open rounds come with it. */
export interface VisionParticipantSession {
  role: 'participant';
  activity: 'vision';
  participantId: string;
  organisationId: string;
  displayName: string | null;
  resumeToken: string;
  consent: UnitAnswer[];
  state: Extract<VisionRoleState, { role: 'participant' }>;
}

/** A participant's join of a project selection (SE-5): its unit's points in the open vote come with it. */
export interface SelectionParticipantSession {
  role: 'participant';
  activity: 'selection';
  participantId: string;
  organisationId: string;
  displayName: string | null;
  resumeToken: string;
  points: Record<string, number>;
  state: Extract<SelectionRoleState, { role: 'participant' }>;
}

/** The answer to `workshop:join` of a facilitator or projector: the state of the workshop's activity. */
export type ObserverSession = { role: 'facilitator' | 'projector'; state: AnyRoleState };

/** The answer to `workshop:join`, for any activity; `state.activity` tells which. */
export type AnySession = Session | CollectionSession | DeepDiveParticipantSession | VisionParticipantSession | SelectionParticipantSession | ObserverSession;

/** state:get — everything needed to redraw after a reconnect. */
export interface Resync {
  state: AnyRoleState;
  /** The participant's own answers (Quick-Check); absent for other roles. */
  answers?: OwnAnswer[];
  /** The participant's own proposals and supports (collection, deep-dive). */
  own?: OwnProposal[];
  supports?: string[];
  /** The answers the participant's voting unit gave in open consent rounds (vision). */
  consent?: UnitAnswer[];
  /** The points the participant's voting unit gave in the open vote (selection). */
  points?: Record<string, number>;
}

export interface AnswerReceipt {
  opId: string;
  themeId: string;
  criterionId: string;
  /** The stored value; undefined after a withdrawal. */
  value?: AnswerValue | undefined;
  withdrawn: boolean;
  /** true when this opId had been applied before: nothing changed this time. */
  duplicate: boolean;
}

/**
 * An answer's receipt in a batch's acknowledgement (SPEC D-4), in the order of the batch's answers:
 * theme and criterion are the entry's at the same position, and a flag appears only when true.
 */
export interface BatchReceipt {
  opId: string;
  /** The stored value after the whole batch; absent after a withdrawal. */
  value?: AnswerValue;
  withdrawn?: true;
  /** This opId had been applied before: nothing changed this time. */
  duplicate?: true;
}

export interface ClientToServerEvents {
  'workshop:join': (payload: JoinPayload, ack: AckCallback<AnySession>) => void;
  'state:get': (payload: Record<string, never>, ack: AckCallback<Resync>) => void;
  'answer:set': (payload: AnswerSetPayload, ack: AckCallback<AnswerReceipt>) => void;
  'answer:withdraw': (payload: AnswerWithdrawPayload, ack: AckCallback<AnswerReceipt>) => void;
  /** Several answers at once, e.g. a tablet's queue after a reconnect; all or none are accepted (SPEC D-4). */
  'answer:batch': (payload: AnswerBatchPayload, ack: AckCallback<{ receipts: BatchReceipt[] }>) => void;
  'workshop:update': (payload: WorkshopPatchInput, ack: AckCallback<WorkshopView>) => void;
  'phase:set': (payload: PhaseSetPayload, ack: AckCallback<WorkshopView>) => void;
  'workshop:delete': (payload: Record<string, never>, ack: AckCallback<{ deleted: true }>) => void;
  'consolidation:move': (payload: DecisionRequest, ack: AckCallback<Decision>) => void;
  'projector:show': (payload: ProjectorShowPayload, ack: AckCallback<WorkshopView>) => void;
  'workshop:duplicate': (payload: Record<string, never>, ack: AckCallback<CreatedWorkshop>) => void;
  /** The workshop's tablets, for moving or removing one (SPEC J-5, J-6). */
  'participant:list': (payload: Record<string, never>, ack: AckCallback<{ participants: ParticipantEntry[] }>) => void;
  'participant:move': (payload: ParticipantMovePayload, ack: AckCallback<ParticipantEntry>) => void;
  'participant:remove': (payload: ParticipantRemovePayload, ack: AckCallback<{ participantId: string; removed: true }>) => void;
  /** A participant's own switch to another organisation (SPEC J-5). */
  'participant:switch': (payload: ParticipantSwitchPayload, ack: AckCallback<ParticipantEntry>) => void;
  /** Theme collection (SPEC TC-2 … TC-8): each acknowledged after it is stored. */
  'proposal:submit': (payload: ProposalSubmitPayload, ack: AckCallback<ProposalReceipt>) => void;
  'proposal:support': (payload: ProposalSupportPayload, ack: AckCallback<ProposalReceipt>) => void;
  'proposal:edit': (payload: ProposalEditPayload, ack: AckCallback<ProposalReceipt>) => void;
  'proposal:merge': (payload: ProposalMergePayload, ack: AckCallback<ProposalReceipt>) => void;
  'proposal:decide': (payload: ProposalDecidePayload, ack: AckCallback<ProposalReceipt>) => void;
  /** Also a deep-dive's (DD-4): its ideas are proposals with details, under the same events. */
  'collection:update': (payload: CollectionUpdatePayload, ack: AckCallback<CollectionView | DeepDiveView>) => void;
  'collection:phase': (payload: CollectionPhasePayload, ack: AckCallback<CollectionView | DeepDiveView>) => void;
  /** Vision (SPEC VI-2 … VI-8): each acknowledged after it is stored. */
  'statement:add': (payload: StatementAddPayload, ack: AckCallback<StatementReceipt>) => void;
  'statement:revise': (payload: StatementRevisePayload, ack: AckCallback<StatementReceipt>) => void;
  'statement:withdraw': (payload: StatementWithdrawPayload, ack: AckCallback<StatementReceipt>) => void;
  'consent:open': (payload: ConsentRoundPayload, ack: AckCallback<StatementReceipt>) => void;
  'consent:close': (payload: ConsentRoundPayload, ack: AckCallback<StatementReceipt>) => void;
  'consent:answer': (payload: ConsentAnswerPayload, ack: AckCallback<StatementReceipt>) => void;
  'vision:update': (payload: VisionUpdatePayload, ack: AckCallback<VisionView>) => void;
  'vision:phase': (payload: VisionPhasePayload, ack: AckCallback<VisionView>) => void;
  /** Project selection (SPEC SE-2 … SE-9): each acknowledged after it is stored. */
  'idea:put': (payload: IdeaPutPayload, ack: AckCallback<SelectionReceipt>) => void;
  'vote:open': (payload: VoteOpenPayload, ack: AckCallback<SelectionReceipt>) => void;
  'vote:close': (payload: VoteRefPayload, ack: AckCallback<SelectionReceipt>) => void;
  'vote:reveal': (payload: VoteRevealPayload, ack: AckCallback<SelectionReceipt>) => void;
  'points:set': (payload: PointsSetPayload, ack: AckCallback<PointsReceipt>) => void;
  'selection:override': (payload: OverridePayload, ack: AckCallback<SelectionReceipt>) => void;
  'profile:update': (payload: ProfilePayload, ack: AckCallback<SelectionReceipt>) => void;
  'selection:update': (payload: SelectionUpdatePayload, ack: AckCallback<SelectionView>) => void;
  'selection:phase': (payload: SelectionPhasePayload, ack: AckCallback<SelectionView>) => void;
}

/** What a facilitator's selection operation's acknowledgement carries: the idea or vote it concerns. */
export interface SelectionReceipt {
  opId: string;
  id: string;
  duplicate: boolean;
}

/** What `points:set` acknowledges: the stored points for the idea and the unit's points used of its allowance. */
export interface PointsReceipt {
  opId: string;
  voteId: string;
  ideaId: string;
  points: number;
  used: number;
  allowance: number;
  duplicate: boolean;
}

/** What a vision operation's acknowledgement carries. */
export interface StatementReceipt {
  opId: string;
  statementId: string;
  /** The statement's current version after the operation. */
  version: number;
  /** Its latest consent round, if any. */
  round: number | null;
  duplicate: boolean;
}

/** What a collection operation's acknowledgement carries. */
export interface ProposalReceipt {
  opId: string;
  /** The proposal it concerns now (after a merge: the one it went into). */
  proposalId: string;
  /** true when this opId had been applied before: nothing changed this time. */
  duplicate: boolean;
}

export interface ServerToClientEvents {
  /** The whole state this connection's role may see; coalesced (SPEC B-1 … B-4). */
  'state:update': (state: AnyRoleState) => void;
  /** The facilitator deleted the workshop; the server closes the connection next. */
  'workshop:deleted': () => void;
  /** This tablet now rates for another organisation (SPEC J-5); its answers went with it. */
  'participant:moved': (payload: { organisationId: string }) => void;
  /** The facilitator removed this tablet (SPEC J-6); its answers are deleted, the server closes the connection next. */
  'participant:removed': () => void;
}

/** One tablet of a Quick-Check, as the facilitator's list shows it (SPEC J-5, J-6). */
export interface ParticipantEntry {
  participantId: string;
  organisationId: string;
  displayName: string | null;
  /** Milliseconds since the epoch. */
  joinedAt: number;
  /** Themes with an answer (score or abstention) in every criterion. */
  themesRated: number;
}

export type ClientEventName = keyof ClientToServerEvents;

/** Every client→server event, for registries and tests; the type below keeps it complete. */
export const CLIENT_EVENTS = [
  'workshop:join',
  'state:get',
  'answer:set',
  'answer:withdraw',
  'answer:batch',
  'workshop:update',
  'phase:set',
  'workshop:delete',
  'consolidation:move',
  'projector:show',
  'workshop:duplicate',
  'participant:list',
  'participant:move',
  'participant:remove',
  'participant:switch',
  'proposal:submit',
  'proposal:support',
  'proposal:edit',
  'proposal:merge',
  'proposal:decide',
  'collection:update',
  'collection:phase',
  'statement:add',
  'statement:revise',
  'statement:withdraw',
  'consent:open',
  'consent:close',
  'consent:answer',
  'vision:update',
  'vision:phase',
  'idea:put',
  'vote:open',
  'vote:close',
  'vote:reveal',
  'points:set',
  'selection:override',
  'profile:update',
  'selection:update',
  'selection:phase',
] as const satisfies readonly ClientEventName[];

type Unlisted = Exclude<ClientEventName, (typeof CLIENT_EVENTS)[number]>;
/** Fails to compile when an event of the contract is missing from CLIENT_EVENTS. */
export const CLIENT_EVENTS_COMPLETE: [Unlisted] extends [never] ? true : Unlisted = true;

/** HTTP: POST /api/workshops */
export interface CreatedWorkshop {
  workshopId: string;
  /** The process the workshop is a step of (PR-1). */
  processId: string | null;
  code: string;
  /** Relative link to the console, for signed-in facilitators of the process. */
  facilitatorPath: string;
  joinPath: string;
  projectorPath: string;
}

/**
 * HTTP: POST /api/workshops/:id/co-facilitation-link (SPEC AC-8). The secret
 * travels in the link's fragment, so it never reaches a server log; it is
 * shown once, and a new link ends the old one.
 */
export interface CoFacilitationLink {
  secret: string;
  path: string;
}

/**
 * HTTP: GET /api/workshops/:id/export/:file. A Quick-Check's files (SPEC X-1 … X-6);
 * a project selection has SELECTION_EXPORT_FILES instead. A file of the other kind is `404 NOT_FOUND`.
 */
export const EXPORT_FILES = ['themes.csv', 'individual.csv', 'workbook.xlsx', 'workshop.json', 'report.pdf'] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];
/** A project selection's files (SPEC SE-10): the profiles and the vote; the vision, consent record, selection and profiles. */
export const SELECTION_EXPORT_FILES = ['profiles.xlsx', 'profiles.pdf'] as const;
export type SelectionExportFile = (typeof SELECTION_EXPORT_FILES)[number];

/** HTTP: GET /api/workshops/:code — what a tablet needs before joining. */
export interface PublicWorkshopInfo {
  code: string;
  /** The activity the workshop runs: the tablet shows its screen. */
  kind: StepKind;
  title: string;
  date: string | null;
  phase: Phase | CollectionPhase | VisionPhase | SelectionPhase;
  organisations: { id: string; name: string }[];
  protocolVersion: number;
}

/**
 * A /join/<code> page carries the answer GET /api/workshops/:code would give,
 * as a JSON data block with this element id (SPEC H-2): `{ code, result }`.
 */
export const EMBEDDED_INFO_ID = 'workshop-info';
