/**
 * HTTP calls of the office screens (accounts, processes): JSON both ways, the
 * session in its cookie (the browser sends it), every state-changing request
 * as JSON from this origin (SPEC AC-11).
 */
import type { AcceptInviteRequest, AccountView, AuthStatus, CreatedInvite, InviteInfo, LoginRequest, PasswordChangeRequest, SetupRequest } from '../../../shared/accounts';
import type { DeepDiveOffers } from '../../../shared/activities/deepdive/gate';
import type { RoundComparison } from '../../../shared/domain/comparison';
import type { CreateProcessRequest, CreateStepRequest, DecidedTiers, ProcessPatch, ProcessSummary, ProcessView } from '../../../shared/process';
import type { CoFacilitationLink, CreatedWorkshop, ErrorCode, ErrorDetail } from '../../../shared/protocol';
import type { CreateWorkshopRequest } from '../../../shared/schemas';

export type OfficeResult<T> = { ok: true; data: T } | { ok: false; code: ErrorCode | 'network'; details?: ErrorDetail[] };

async function request<T>(method: string, path: string, body?: unknown): Promise<OfficeResult<T>> {
  try {
    const response = await fetch(path, {
      method,
      headers: method === 'GET' ? {} : { 'content-type': 'application/json' },
      ...(method === 'GET' ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body ?? {}) }),
      credentials: 'same-origin',
    });
    if (response.status === 204) return { ok: true, data: undefined as T };
    const answer = (await response.json()) as T & { code?: ErrorCode; details?: ErrorDetail[] };
    return response.ok ? { ok: true, data: answer } : { ok: false, code: answer.code ?? 'INTERNAL', ...(answer.details ? { details: answer.details } : {}) };
  } catch {
    return { ok: false, code: 'network' };
  }
}

const path = (strings: TemplateStringsArray, ...ids: string[]) => strings.reduce((out, part, i) => out + part + (i < ids.length ? encodeURIComponent(ids[i]!) : ''), '');

export const auth = {
  status: () => request<AuthStatus>('GET', '/api/auth/status'),
  setup: (body: SetupRequest) => request<AccountView>('POST', '/api/auth/setup', body),
  login: (body: LoginRequest) => request<AccountView>('POST', '/api/auth/login', body),
  logout: () => request<void>('POST', '/api/auth/logout'),
  changePassword: (body: PasswordChangeRequest) => request<void>('POST', '/api/auth/password', body),
  inviteInfo: (token: string) => request<InviteInfo>('GET', path`/api/invites/${token}`),
  acceptInvite: (token: string, body: AcceptInviteRequest) => request<AccountView>('POST', path`/api/invites/${token}/accept`, body),
};

export const admin = {
  accounts: () => request<AccountView[]>('GET', '/api/accounts'),
  setDisabled: (id: string, disabled: boolean) => request<AccountView>('PATCH', path`/api/accounts/${id}`, { disabled }),
  invite: (role: 'facilitator' | 'admin', note?: string) => request<CreatedInvite>('POST', '/api/invites', { role, ...(note ? { note } : {}) }),
};

export const processes = {
  list: () => request<ProcessSummary[]>('GET', '/api/processes'),
  create: (body: CreateProcessRequest) => request<ProcessView>('POST', '/api/processes', body),
  get: (id: string) => request<ProcessView>('GET', path`/api/processes/${id}`),
  update: (id: string, patch: ProcessPatch) => request<ProcessView>('PATCH', path`/api/processes/${id}`, patch),
  remove: (id: string) => request<void>('DELETE', path`/api/processes/${id}`),
  addFacilitator: (id: string, email: string) => request<ProcessView>('POST', path`/api/processes/${id}/facilitators`, { email }),
  removeFacilitator: (id: string, accountId: string) => request<ProcessView>('DELETE', path`/api/processes/${id}/facilitators/${accountId}`),
  addStep: (id: string, body: CreateStepRequest) => request<CreatedWorkshop>('POST', path`/api/processes/${id}/steps`, body),
  tiers: (id: string) => request<DecidedTiers>('GET', path`/api/processes/${id}/tiers`),
  /** DD-1: the themes of the latest finalised Quick-Check by tier, whether each is in the gate, and its deep-dives. */
  deepDives: (id: string) => request<DeepDiveOffers>('GET', path`/api/processes/${id}/deep-dives`),
  comparison: (id: string, from: string, to: string) => request<RoundComparison>('GET', `${path`/api/processes/${id}/comparison`}?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`),
};

export const workshops = {
  create: (body: CreateWorkshopRequest) => request<CreatedWorkshop>('POST', '/api/workshops', body),
  /** The file's text goes to the server as it is: the server validates it (SPEC X-5). */
  importFile: (fileText: string) => request<CreatedWorkshop>('POST', '/api/workshops/import', fileText),
  newLink: (workshopId: string) => request<CoFacilitationLink>('POST', path`/api/workshops/${workshopId}/co-facilitation-link`),
  revokeLink: (workshopId: string) => request<void>('DELETE', path`/api/workshops/${workshopId}/co-facilitation-link`),
};
