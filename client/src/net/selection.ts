/** PLACEHOLDER (being written): a selection tablet's network module. */
export function joinSelection(_code: string, _first?: { organisationId: string; displayName?: string }): void {}
