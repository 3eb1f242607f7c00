import type { MigrationPlan, MigrationReport, Phase, PhaseSummary, RecordResult } from './model.js';
import type { Progress } from './run.js';

// What `npm run migrate` prints: a count per phase while it runs (rewritten in place on a
// terminal, a line per tenth otherwise), then the report. Progress goes to stderr so that
// `--json` output on stdout stays machine-readable.

const LABEL_WIDTH = 11;

const counts = (s: PhaseSummary) => `${s.created} created, ${s.already_mapped} already mapped, ${s.skipped} skipped, ${s.failed} failed`;

export const progressPrinter = (stream: NodeJS.WriteStream = process.stderr): Progress => {
  const state = new Map<Phase, PhaseSummary & { done: number; lastTenth: number }>();
  const line = (phase: Phase) => {
    const s = state.get(phase)!;
    return `${phase.padEnd(LABEL_WIDTH)} ${String(s.done).padStart(String(s.total).length)}/${s.total}  ${counts(s)}`;
  };
  return {
    phase(phase, total) {
      state.set(phase, { total, done: 0, created: 0, already_mapped: 0, skipped: 0, failed: 0, lastTenth: 0 });
      if (total === 0) stream.write(`${line(phase)}\n`);
    },
    record(phase, result: RecordResult) {
      const s = state.get(phase)!;
      s.done += 1;
      s[result.outcome] += 1;
      const finished = s.done === s.total;
      if (stream.isTTY) {
        stream.write(`\r${line(phase)}${finished ? '\n' : ''}`);
        return;
      }
      const tenth = Math.floor((s.done * 10) / s.total);
      if (tenth > s.lastTenth || finished) {
        s.lastTenth = tenth;
        stream.write(`${line(phase)}\n`);
      }
    },
  };
};

const recordLine = (r: { type: string; old_resource_id: string; reason?: string | undefined }) =>
  `  ${r.type.padEnd(8)} ${r.old_resource_id}  ${r.reason ?? ''}`;

export const reportText = (report: MigrationReport): string => {
  const lines = [`Migration "${report.from.name}" (${report.from.id}) → "${report.to.name}" (${report.to.id})`, ''];
  for (const [phase, summary] of Object.entries(report.phases))
    lines.push(`  ${phase.padEnd(LABEL_WIDTH)} ${String(summary.total).padStart(5)}: ${counts(summary)}`);
  lines.push(`  ${'total'.padEnd(LABEL_WIDTH)} ${String(report.totals.total).padStart(5)}: ${counts(report.totals)}`);
  if (report.failed.length) lines.push('', 'Failed (re-run to retry; nothing was mapped for these):', ...report.failed.map(recordLine));
  if (report.skipped.length) lines.push('', 'Skipped:', ...report.skipped.map(recordLine));
  if (report.notes.length) {
    lines.push('', 'Notes:');
    for (const n of report.notes)
      for (const note of n.notes) lines.push(`  ${n.type.padEnd(8)} ${n.old_resource_id} → ${n.resource_id ?? '?'}  ${note}`);
  }
  return lines.join('\n');
};

export const planText = (plan: MigrationPlan): string => {
  const lines = [`Plan (dry run, nothing written): "${plan.from.name}" (${plan.from.id}) → "${plan.to.name}" (${plan.to.id})`, ''];
  for (const [phase, c] of Object.entries(plan.phases)) {
    lines.push(
      `  ${phase.padEnd(LABEL_WIDTH)} ${String(c.total).padStart(5)}: ${c.create} to create, ${c.resume} to resume, ${c.already_mapped} already mapped, ${c.skip} to skip, ${c.fail} would fail`,
    );
  }
  lines.push(
    '',
    'Steps: re-create persons (with their sandbox verification), then businesses, then accounts (deposit accounts first),',
    'and map each old record to its new twin.',
  );
  if (plan.exceptions.length) lines.push('', 'Expected to skip or fail:', ...plan.exceptions.map(recordLine));
  return lines.join('\n');
};
