// Commands the README and docs/ show work as written: flags reach the script through `--`,
// `--json` output parses (npm's banner off stdout with `npm run -s`), and `cdk deploy` names
// what to deploy (the app has several stacks).
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

const RULES: readonly (readonly [problem: string, pattern: RegExp])[] = [
  ['a flag after `npm start` without `--`', /npm start --[a-z]/],
  ['`--json` through `npm run` without `-s`', /npm run (?!-s )[\w-]+[^`\n|]*--json\b/],
  ['`cdk deploy` without `--all` or a stack name', /cdk deploy(?![^`\n]*(--all|Bankline-))/],
];

/** `line: problem` for every line breaking a rule. */
const problems = (text: string): string[] =>
  text.split('\n').flatMap((line, i) => RULES.filter(([, pattern]) => pattern.test(line)).map(([problem]) => `${i + 1}: ${problem}`));

describe('commands in the docs', () => {
  it.each(files)('%s', (file) => {
    expect(problems(readFileSync(new URL(file, root), 'utf8'))).toEqual([]);
  });

  it('catches each known mistake', () => {
    expect(problems('npm start --in-memory\nnpm run keys -- list --json\nnpx cdk deploy -c stage=dev')).toEqual([
      '1: a flag after `npm start` without `--`',
      '2: `--json` through `npm run` without `-s`',
      '3: `cdk deploy` without `--all` or a stack name',
    ]);
    expect(problems('npm start -- --in-memory\nnpm run -s keys -- list --json\nnpx cdk deploy --all -c stage=dev')).toEqual([]);
  });
});
