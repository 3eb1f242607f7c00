import { execFileSync } from 'node:child_process';
import { median } from './stats.js';

// A cold start's share that belongs to the code: loading the bundle in a fresh Node process.
// Each sample is its own process; the bundles take turns, so machine noise spreads evenly.

export interface ColdRequireTarget {
  readonly name: string;
  readonly file: string;
  /** The variables Lambda would set for this function (NODE_OPTIONS included). */
  readonly env: Readonly<Record<string, string>>;
}

// Wall time of the require, and the CPU time it took (the part other processes cannot inflate).
const PROBE =
  'const c=process.cpuUsage(),t=process.hrtime.bigint();require(process.argv[1]);' +
  'const w=Number(process.hrtime.bigint()-t)/1e6,u=process.cpuUsage(c);process.stdout.write(w+" "+(u.user+u.system)/1e3)';

const requireOnce = (target: ColdRequireTarget): { wall: number; cpu: number } => {
  // Only what Lambda provides: NODE_OPTIONS in particular must come from the target, never
  // from the shell running the bench.
  const env = { PATH: process.env.PATH ?? '', ...target.env };
  const [wall = Number.NaN, cpu = Number.NaN] = execFileSync(process.execPath, ['-e', PROBE, target.file], { env })
    .toString()
    .split(' ')
    .map(Number);
  return { wall, cpu };
};

export interface ColdRequire {
  /** Median wall time of the require. */
  readonly wallMs: number;
  /** Median CPU time (user + system) spent in it. */
  readonly cpuMs: number;
}

/** Medians of `require(bundle)` per target, over `samples` fresh processes each. */
export const measureColdRequires = (
  targets: readonly ColdRequireTarget[],
  samples: number,
  onRound: (round: number) => void,
): Map<string, ColdRequire> => {
  const runs = new Map<string, { wall: number; cpu: number }[]>(targets.map((t) => [t.name, []]));
  for (let round = 0; round < samples; round++) {
    onRound(round + 1);
    // Rotate the starting target too, so none always runs right after a given neighbour.
    for (let i = 0; i < targets.length; i++) {
      const target = targets[(i + round) % targets.length]!;
      runs.get(target.name)!.push(requireOnce(target));
    }
  }
  return new Map(
    [...runs].map(([name, values]) => [name, { wallMs: median(values.map((v) => v.wall)), cpuMs: median(values.map((v) => v.cpu)) }]),
  );
};
