import { functionsOfKind } from '../../functions/functions.js';
import { scheduledEvent } from '../events/scheduled.js';
import { invokeFunction } from '../lambda-invoke.js';

// The twin's EventBridge: each `schedule` function of the registry runs on a local timer at its
// rate, through the same handler and event shape as in AWS. (The sandbox clock runs the ledger's
// due work itself on each advance; this timer covers real time passing.)

const RATE = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/;
const UNIT_MS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** Milliseconds between runs of a `rate(...)` expression; cron expressions are not run locally. */
export const rateMs = (expression: string): number | undefined => {
  const match = RATE.exec(expression);
  if (!match) return undefined;
  return Number(match[1]) * (UNIT_MS[(match[2] as string).replace(/s$/, '')] as number);
};

export interface LocalSchedules {
  stop(): void;
}

export const startSchedules = (log: (line: string) => void = console.error): LocalSchedules => {
  const timers = functionsOfKind('schedule').flatMap((fn) => {
    const every = rateMs(fn.trigger.expression);
    if (!every) return [];
    const timer = setInterval(() => {
      void invokeFunction(fn, scheduledEvent(`bankline-local-${fn.name}`, { now: new Date() })).then((outcome) => {
        if (!outcome.ok) log(`schedule ${fn.name} failed (${outcome.reason}): ${String(outcome.error ?? '')}`);
      });
    }, every);
    timer.unref();
    return [timer];
  });
  return { stop: () => timers.forEach(clearInterval) };
};
