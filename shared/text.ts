/**
 * Text that people type and others read (names, titles, proposals): refused at
 * the boundary when it carries characters no reader can show or that break
 * the formats it ends up in (SPEC S-8). C0 and C1 control characters (the XML
 * of an XLSX cannot hold most of them), lone surrogates and Unicode
 * non-characters (U+FFFE makes an XLSX invalid; U+FDD0–U+FDEF, U+nFFFE/F).
 * Multi-line text may keep line breaks and tabs.
 */
import { z } from 'zod';

// eslint-disable-next-line no-control-regex
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]/u;
// eslint-disable-next-line no-control-regex
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const NON_CHARACTER = /[\uFDD0-\uFDEF\uFFFE\uFFFF\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]/u;

// Without the u flag the regex sees UTF-16 code units, so it can find halves of pairs.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The reason a text is refused, or null. */
export function textProblem(text: string, multiLine: boolean): string | null {
  if (LONE_SURROGATE.test(text)) return 'contains an unpaired surrogate';
  if ((multiLine ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(text)) return 'contains a control character';
  if (NON_CHARACTER.test(text)) return 'contains a Unicode non-character';
  return null;
}

function checked<S extends z.ZodType<string>>(schema: S, multiLine: boolean) {
  return schema.superRefine((text, ctx) => {
    const problem = textProblem(text, multiLine);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

/** One line of text, trimmed, 1…max characters. */
export function singleLine(max: number) {
  return checked(z.string().trim().min(1).max(max), false);
}

/** One line of text, trimmed, 0…max characters. */
export function optionalLine(max: number) {
  return checked(z.string().trim().max(max), false);
}

/** Paragraphs: line breaks normalised to \n, trimmed, 0…max characters. */
export function multiLine(max: number) {
  return checked(
    z
      .string()
      .transform((s) => s.replace(/\r\n?/g, '\n').trim())
      .pipe(z.string().max(max)),
    true,
  );
}
