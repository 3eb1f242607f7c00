import type { ListFigure } from './compare.js';
import { LARGE } from './sizes.js';

// The lists benchmark's figures as a table, and the calls per page the limits are checked against.

const ms = (value: number) => `${value.toFixed(2)} ms`;

export const printListFigures = (figures: readonly ListFigure[]): void => {
  console.table(
    figures.map((f) => ({
      list: f.name,
      'p50 at 1k': ms(f.smallP50),
      [`p50 at ${LARGE / 1000}k`]: ms(f.largeP50),
      ratio: f.ratio.toFixed(2),
      'DynamoDB calls per page': Object.entries(f.dynamoCalls)
        .map(([c, n]) => `${c.replace('Command', '')}: ${n}`)
        .join(', '),
    })),
  );
};

/** Calls per page from the counts of one request. */
export const callsOf = (figure: ListFigure): number => Object.values(figure.dynamoCalls).reduce((sum, n) => sum + n, 0);
