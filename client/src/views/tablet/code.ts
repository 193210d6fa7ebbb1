/** Join codes as people type and read them: case-insensitive, dashes and spaces ignored, shown as ABC-234. */
export function normaliseCode(raw: string | undefined): string {
  return (raw ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function displayCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)}-${code.slice(3)}` : code;
}
