import { addCalendarDays, isBusinessDay } from '../shared/business-days.js';

// The dates of a payment schedule's occurrences (pure). Occurrence n (0-based) is scheduled
// `n × interval` days, weeks or months after start_date; a monthly one keeps start_date's day of
// the month, or the month's last day when the month is shorter (Jan 31 → Feb 28 → Mar 31). With
// start_search, a scheduled date that is not a banking day executes on the nearest banking day
// FORWARD (on or after) or BACKWARD (on or before), searching at most a month; without it, the
// payment executes on its scheduled date (internal transfers move on any day).

export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY';

export interface ScheduleConfig {
  frequency: Frequency;
  interval: number;
  start_date: string;
  /** Exclusive. Exactly one of end_date and count. */
  end_date?: string;
  count?: number;
  start_search?: 'FORWARD' | 'BACKWARD';
}

export interface PaymentDate {
  scheduled_date: string;
  execution_date: string;
}

const SEARCH_DAYS = 31;

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

const addMonths = (date: string, months: number): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

export const scheduledDateOf = (config: ScheduleConfig, n: number): string => {
  const steps = n * config.interval;
  switch (config.frequency) {
    case 'DAILY':
      return addCalendarDays(config.start_date, steps);
    case 'WEEKLY':
      return addCalendarDays(config.start_date, 7 * steps);
    case 'MONTHLY':
      return addMonths(config.start_date, steps);
  }
};

/** The banking day a scheduled date executes on; undefined when the search finds none within a month. */
export const executionDateOf = (scheduled: string, search: ScheduleConfig['start_search']): string | undefined => {
  if (!search) return scheduled;
  const step = search === 'FORWARD' ? 1 : -1;
  for (let i = 0, d = scheduled; i <= SEARCH_DAYS; i++, d = addCalendarDays(d, step)) if (isBusinessDay(d)) return d;
  return undefined;
};

/** Occurrence n, or undefined once the schedule is over (count reached, or on/after end_date). */
export const occurrenceOf = (config: ScheduleConfig, n: number): PaymentDate | undefined => {
  if (config.count !== undefined && n >= config.count) return undefined;
  const scheduled = scheduledDateOf(config, n);
  if (config.end_date !== undefined && scheduled >= config.end_date) return undefined;
  const execution = executionDateOf(scheduled, config.start_search);
  return execution ? { scheduled_date: scheduled, execution_date: execution } : undefined;
};

/** What is wrong with a schedule configuration on `today` (the tenant's date), naming the field; undefined when fine. */
export const scheduleProblem = (config: ScheduleConfig, today: string): string | undefined => {
  if ((config.end_date === undefined) === (config.count === undefined)) return 'schedule needs exactly one of end_date and count';
  if (config.start_date < today) return `schedule.start_date must be today (${today}) or later`;
  if (config.end_date !== undefined && config.end_date <= config.start_date) return 'schedule.end_date must be after schedule.start_date';
  if (!occurrenceOf(config, 0)) return 'schedule.start_date has no banking day within a month in the start_search direction';
  return undefined;
};
