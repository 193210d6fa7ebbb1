/** PLACEHOLDER (being written): a vision tablet's network module. */
export function joinVision(_code: string, _first?: { organisationId: string; displayName?: string }): void {}
