// Every table in the README and docs/ renders the same everywhere: each row has as many cells as
// its header, and no cell needs an escaped pipe (GitHub reads `\|` in code as `|`, other
// renderers show the backslash), so alternatives are written `A` or `B`.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);
const files = [
  'README.md',
  'local/README.md',
  ...readdirSync(new URL('docs/', root))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

const cellCount = (line: string): number => line.trim().replace(/\\\|/g, '').split('|').length - 2;

/** Rows whose cell count differs from their table's header, as `line: text`. */
const badRows = (text: string): string[] => {
  const bad: string[] = [];
  let fenced = false;
  let header: number | undefined;
  text.split('\n').forEach((line, i) => {
    if (line.trimStart().startsWith('```')) fenced = !fenced;
    if (fenced || !line.trimStart().startsWith('|')) {
      header = undefined;
      return;
    }
    if (header === undefined) header = cellCount(line);
    else if (cellCount(line) !== header) bad.push(`${i + 1}: ${line}`);
    // GitHub reads `\|` in a code span as a pipe; other renderers show the backslash.
    if (line.includes('\\|')) bad.push(`${i + 1}: escaped pipe: ${line}`);
  });
  return bad;
};

describe('markdown tables', () => {
  it.each(files)('%s: every row has its header’s cells', (file) => {
    expect(badRows(readFileSync(new URL(file, root), 'utf8'))).toEqual([]);
  });

  it('catches a pipe in a cell, escaped or not', () => {
    expect(badRows('| a | b |\n|---|---|\n| `x|y` | z |\n')).toEqual(['3: | `x|y` | z |']);
    expect(badRows('| a | b |\n|---|---|\n| `x\\|y` | z |\n')).toEqual(['3: escaped pipe: | `x\\|y` | z |']);
  });
});
