/** The few HTTP calls: create a workshop, read a workshop's public info. */
import type { CreatedWorkshop, ErrorCode, PublicWorkshopInfo } from '../../../shared/protocol';
import type { CreateWorkshopRequest } from '../../../shared/schemas';

export type HttpResult<T> = { ok: true; data: T } | { ok: false; code: ErrorCode | 'network' };

async function json<T>(input: string, init?: RequestInit): Promise<HttpResult<T>> {
  try {
    const response = await fetch(input, init);
    const body = (await response.json()) as T & { code?: ErrorCode };
    return response.ok ? { ok: true, data: body } : { ok: false, code: body.code ?? 'INTERNAL' };
  } catch {
    return { ok: false, code: 'network' };
  }
}

export function fetchWorkshopInfo(code: string): Promise<HttpResult<PublicWorkshopInfo>> {
  return json<PublicWorkshopInfo>(`/api/workshops/${encodeURIComponent(code)}`);
}

export function createWorkshop(request: CreateWorkshopRequest): Promise<HttpResult<CreatedWorkshop>> {
  return json<CreatedWorkshop>('/api/workshops', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
}
