// Counts DynamoDB commands per request so tests and the bench can state each path's cost
// (one read for a get, one transaction for a create). In-process and cheap: a Map increment.

let counts = new Map<string, number>();

export const countCall = (command: string): void => {
  counts.set(command, (counts.get(command) ?? 0) + 1);
};

export const resetCallCounts = (): void => {
  counts = new Map();
};

export const callCounts = (): Record<string, number> => Object.fromEntries(counts);
