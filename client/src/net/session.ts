/**
 * The participant's session on this device (localStorage), without the socket
 * layer: the join page can ask "has this tablet joined before?" before the
 * Socket.IO client has loaded.
 */
export interface SavedSession {
  participantId: string;
  organisationId: string;
  resumeToken: string;
}

const sessionKey = (code: string) => `konsens.participant.${code}`;

export function savedSession(joinCode: string): SavedSession | null {
  try {
    return JSON.parse(localStorage.getItem(sessionKey(joinCode)) ?? 'null') as SavedSession | null;
  } catch {
    return null;
  }
}

export function saveSession(joinCode: string, session: SavedSession): void {
  localStorage.setItem(sessionKey(joinCode), JSON.stringify(session));
}

export function forgetSession(joinCode: string): void {
  localStorage.removeItem(sessionKey(joinCode));
}

/** A participant's join: resume the session this device stored for the code, or join afresh for an organisation (SPEC J-1, J-2). */
export function participantJoin(joinCode: string, first?: { organisationId: string; displayName?: string }) {
  const saved = savedSession(joinCode);
  if (saved) return { role: 'participant' as const, code: joinCode, resumeToken: saved.resumeToken };
  return { role: 'participant' as const, code: joinCode, organisationId: first?.organisationId, displayName: first?.displayName };
}
