/**
 * Font fallback for the PDFs (SPEC X-3): DejaVu Sans covers Latin, Greek,
 * Cyrillic and most signs, but not full-width forms (＝＋－＠), CJK or emoji,
 * which pdfkit would print as empty boxes. A text is cut into runs, each set in
 * the first font that has its characters: DejaVu Sans, then GNU Unifont
 * (Debian's fonts-unifont: the whole Basic Multilingual Plane) and Unifont
 * Upper (emoji and the other planes). A character no font has (private use,
 * unassigned) prints as U+FFFD "�", never as an empty box. Without the Debian
 * package the fallback is "�" for everything DejaVu lacks.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

interface FontFile {
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
  unitsPerEm: number;
}

// pdfkit's own font parser, so that coverage is read exactly as pdfkit will draw.
const fontkit = createRequire(createRequire(import.meta.url).resolve('pdfkit'))('fontkit') as { openSync(path: string): FontFile };

export const FALLBACK_FONTS = ['/usr/share/fonts/opentype/unifont/unifont.otf', '/usr/share/fonts/opentype/unifont/unifont_upper.otf'].filter((path) =>
  existsSync(path),
);

const REPLACEMENT = '\uFFFD';
const opened = new Map<string, FontFile>();
function open(path: string): FontFile {
  let font = opened.get(path);
  if (!font) opened.set(path, (font = fontkit.openSync(path)));
  return font;
}

/** Line breaks, tabs and spaces stay with the main font: pdfkit wraps on them. */
const LAYOUT = /[\s\u00AD]/u;

/** The font to set a character in, or null when none has it. */
function fontFor(char: string, primary: string): string | null {
  const codePoint = char.codePointAt(0)!;
  if (LAYOUT.test(char) || open(primary).hasGlyphForCodePoint(codePoint)) return primary;
  return FALLBACK_FONTS.find((path) => open(path).hasGlyphForCodePoint(codePoint)) ?? null;
}

export interface Run {
  font: string;
  text: string;
}

/** The text in runs of one font each; characters no font has become "�". */
export function fontRuns(text: string, primary: string): Run[] {
  const runs: Run[] = [];
  for (const char of text) {
    const font = fontFor(char, primary);
    const glyph = font === null ? REPLACEMENT : char;
    const last = runs.at(-1);
    if (last && last.font === (font ?? primary)) last.text += glyph;
    else runs.push({ font: font ?? primary, text: glyph });
  }
  return runs.length > 0 ? runs : [{ font: primary, text }];
}

/**
 * The text as the main font can measure it: a character set in a fallback
 * font stands in as a main-font letter of about its width ("W" for a
 * full-width glyph, "n" for a half-width one), so that wrapping and cell
 * heights come out close to what is drawn.
 */
export function measurable(text: string, primary: string): string {
  let out = '';
  for (const char of text) {
    const font = fontFor(char, primary);
    if (font === primary) out += char;
    else if (font === null) out += REPLACEMENT;
    else {
      const file = open(font);
      out += file.glyphForCodePoint(char.codePointAt(0)!).advanceWidth / file.unitsPerEm > 0.75 ? 'W' : 'n';
    }
  }
  return out;
}
