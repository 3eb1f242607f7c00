/** Where a list left off: the storage key of the last item returned. Opaque above the adapter. */
export type Cursor = Readonly<Record<string, string>>;

export interface Page<T> {
  items: T[];
  cursor?: Cursor;
}

/** A concurrent writer changed the item between our read and our conditional write. */
export class VersionConflict extends Error {
  constructor(what: string) {
    super(`${what} was modified concurrently`);
    this.name = 'VersionConflict';
  }
}

/** Re-runs a read-modify-write when another writer won the race, so no update is lost. */
export const retryOnConflict = async <T>(attempt: () => Promise<T>, attempts = 5): Promise<T> => {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof VersionConflict) || i >= attempts) throw error;
    }
  }
};
