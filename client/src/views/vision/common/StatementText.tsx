/**
 * A statement's text as the facilitator wrote it (SPEC VI-2): paragraphs
 * separated by an empty line, list items as lines starting with "- " or "1. ".
 * Built from React elements only — the text is never read as HTML.
 */
import type { ReactNode } from 'react';

type Block = { type: 'p'; lines: string[] } | { type: 'ul' | 'ol'; items: string[]; start: number };

const BULLET = /^\s*[-–•]\s+(.*)$/;
const NUMBERED = /^\s*(\d{1,4})[.)]\s+(.*)$/;

/** The text's blocks: paragraphs (their lines kept) and lists. */
export function statementBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    let current: Block | null = null;
    for (const line of chunk.split('\n')) {
      if (!line.trim()) continue;
      const bullet = BULLET.exec(line);
      const numbered = bullet ? null : NUMBERED.exec(line);
      if (bullet) {
        if (current?.type !== 'ul') blocks.push((current = { type: 'ul', items: [], start: 1 }));
        current.items.push(bullet[1]!);
      } else if (numbered) {
        if (current?.type !== 'ol') blocks.push((current = { type: 'ol', items: [], start: Number(numbered[1]) }));
        current.items.push(numbered[2]!);
      } else if (current && current.type !== 'p') {
        // A line after a list item without a marker continues it.
        current.items[current.items.length - 1] += ` ${line.trim()}`;
      } else {
        if (current?.type !== 'p') blocks.push((current = { type: 'p', lines: [] }));
        current.lines.push(line.trim());
      }
    }
  }
  return blocks;
}

export function StatementText({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className ? `statement-text ${className}` : 'statement-text'}>
      {statementBlocks(text).map((block, i) => {
        if (block.type === 'p') {
          const lines: ReactNode[] = [];
          block.lines.forEach((line, j) => {
            if (j > 0) lines.push(<br key={`br${j}`} />);
            lines.push(line);
          });
          return <p key={i}>{lines}</p>;
        }
        const items = block.items.map((item, j) => <li key={j}>{item}</li>);
        return block.type === 'ul' ? (
          <ul key={i}>{items}</ul>
        ) : (
          <ol key={i} start={block.start}>
            {items}
          </ol>
        );
      })}
    </div>
  );
}
