/** Writes a benchmark's figures between its markers in docs/BENCHMARKS.md (nothing there is typed by hand). */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(new URL('../docs/BENCHMARKS.md', import.meta.url));

/** Replaces `<!-- name:start -->…<!-- name:end -->`; a section not there yet is appended under `heading`. */
export function writeSection(name: string, content: string, heading?: string): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const section = `${start}\n${content}\n${end}`;
  const doc = readFileSync(file, 'utf8');
  if (doc.includes(start)) writeFileSync(file, doc.replace(new RegExp(`${start}[\\s\\S]*${end}`), () => section));
  else if (heading) writeFileSync(file, `${doc.trimEnd()}\n\n## ${heading}\n\n${section}\n`);
  else throw new Error(`docs/BENCHMARKS.md has no ${start}`);
}
