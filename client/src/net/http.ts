/** The tablet's and console's HTTP calls: a workshop's public info, an export download (the office screens' calls are in office.ts). */
import { EMBEDDED_INFO_ID, type ErrorCode, type ErrorDetail, type ExportFile, type PublicWorkshopInfo, type SelectionExportFile } from '../../../shared/protocol';

export type HttpResult<T> = { ok: true; data: T } | { ok: false; code: ErrorCode | 'network'; details?: ErrorDetail[] };

async function json<T>(input: string, init?: RequestInit): Promise<HttpResult<T>> {
  try {
    const response = await fetch(input, init);
    const body = (await response.json()) as T & { code?: ErrorCode; details?: ErrorDetail[] };
    return response.ok ? { ok: true, data: body } : { ok: false, code: body.code ?? 'INTERNAL', ...(body.details ? { details: body.details } : {}) };
  } catch {
    return { ok: false, code: 'network' };
  }
}

const prefetched = new Map<string, Promise<HttpResult<PublicWorkshopInfo>>>();

/**
 * A /join/<code> page carries the answer to "which workshop is <code>?" as a
 * JSON data block (server/http/routes.ts, clientRoutes), so that the tablet's
 * first render shows the workshop. Used once: a later look asks the server.
 */
let embedded = readEmbeddedInfo();

function readEmbeddedInfo(): { code: string; result: HttpResult<PublicWorkshopInfo> } | null {
  const text = document.getElementById(EMBEDDED_INFO_ID)?.textContent;
  if (!text) return null;
  try {
    return JSON.parse(text) as { code: string; result: HttpResult<PublicWorkshopInfo> };
  } catch {
    return null;
  }
}

/** What the page already says about this code, if it says anything. */
export function knownWorkshopInfo(code: string): HttpResult<PublicWorkshopInfo> | null {
  return embedded?.code === code ? embedded.result : null;
}

/** Started before React renders (main.tsx), so that the tablet's first screen does not wait for a second round trip. */
export function prefetchWorkshopInfo(code: string): void {
  if (prefetched.has(code)) return;
  const known = knownWorkshopInfo(code);
  prefetched.set(code, known ? Promise.resolve(known) : askWorkshopInfo(code));
}

export function fetchWorkshopInfo(code: string): Promise<HttpResult<PublicWorkshopInfo>> {
  const early = prefetched.get(code);
  prefetched.delete(code);
  if (embedded?.code === code) embedded = null;
  return early ?? askWorkshopInfo(code);
}

function askWorkshopInfo(code: string): Promise<HttpResult<PublicWorkshopInfo>> {
  return json<PublicWorkshopInfo>(`/api/workshops/${encodeURIComponent(code)}`);
}

/**
 * Download an export, then hand it to the browser as a file. A signed-in
 * facilitator's cookie goes by itself; a co-facilitation link's secret goes in
 * the Authorization header (never in the URL). With a secret the server does
 * not look at the cookie, so the secret is sent only when there is one.
 */
export async function downloadExport(workshopId: string, secret: string | null, file: ExportFile | SelectionExportFile, variant?: 'excel-de'): Promise<HttpResult<string>> {
  try {
    const query = variant ? `?variant=${variant}` : '';
    const response = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}/export/${file}${query}`, {
      headers: secret ? { authorization: `Bearer ${secret}` } : {},
      credentials: 'same-origin',
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { code?: ErrorCode };
      return { ok: false, code: body.code ?? 'INTERNAL' };
    }
    const filename = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? file;
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return { ok: true, data: filename };
  } catch {
    return { ok: false, code: 'network' };
  }
}
