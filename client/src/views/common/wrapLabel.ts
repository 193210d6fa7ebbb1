/** Labels that break only where a reader expects it: at spaces, slashes, hyphens and the joints of German compounds. */

/** "Digitalisierungs­potenzial": a soft hyphen after a linking -s of a long German compound. */
export function softHyphenate(label: string): string {
  return label.replace(/(ungs|heits|keits|tions|täts)(?=\p{L}{4,})/gu, '$1\u00AD');
}

/**
 * A label in lines no wider than maxWidth where it can break; a part that
 * cannot break stays whole (and may be wider).
 */
export function wrapLabel(label: string, maxWidth: number, width: (text: string) => number): string[] {
  const show = (s: string) => s.trim().replace(/\u00AD$/u, '-').replaceAll('\u00AD', '');
  const pieces = softHyphenate(label.trim()).split(/(?<=[\s/\u00AD-])/u);
  const lines: string[] = [];
  let current = '';
  for (const piece of pieces) {
    if (current && width(show(current + piece)) > maxWidth) {
      lines.push(show(current));
      current = piece.trimStart();
    } else current += piece;
  }
  if (show(current)) lines.push(show(current));
  return lines.length > 0 ? lines : [''];
}
