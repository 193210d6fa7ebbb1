/**
 * What each screen downloads, gzip-compressed: the tablet (participant) loads
 * the entry chunk and its static imports; the projector and the facilitator
 * console load that plus their own lazy chunk and its imports. Reads Vite's
 * build manifest; run after `vite build`. Writes the table into docs/BENCHMARKS.md.
 *
 *   npm run bench:bundle
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { writeSection } from './docs.js';

interface Chunk {
  file: string;
  css?: string[];
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist/client/`;
const manifest = JSON.parse(readFileSync(`${dist}.vite/manifest.json`, 'utf8')) as Record<string, Chunk>;

function closure(keys: string[]): Set<string> {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return files;
}

function size(files: Set<string>): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const content = readFileSync(`${dist}${file}`);
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { raw, gzip };
}

const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
const lazy = (name: string) => Object.keys(manifest).find((k) => k.endsWith(name))!;
const screens = [
  ['participant (tablet, /join)', closure([entry])],
  ['projector (/projector)', closure([entry, lazy('ProjectorApp.tsx')])],
  ['facilitator (/moderation)', closure([entry, lazy('FacilitatorApp.tsx')])],
] as const;

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const rows = screens.map(([name, files]) => {
  const { raw, gzip } = size(files);
  return `| ${name} | ${kb(raw)} kB | **${kb(gzip)} kB** | ${files.size} |`;
});
// The matrix chart (recharts) loads after the first render on projector and console (LazyMatrix).
const projectorFiles = screens[1][1];
const chart = new Set([...closure([lazy('common/Matrix.tsx')])].filter((file) => !projectorFiles.has(file)));
const later = size(chart);
rows.push(`| + matrix chart, loaded in the background after the first render (projector, console) | ${kb(later.raw)} kB | ${kb(later.gzip)} kB | ${chart.size} |`);
const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:bundle\` (Vite production build, gzip level 9, JS + CSS a screen loads before it can render; HTML not counted).`,
  '',
  '| screen | raw | gzip | files |',
  '|---|---|---|---|',
  ...rows,
].join('\n');
console.log(table);

writeSection('bundle', table);
