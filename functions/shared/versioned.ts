/** Fields every tenant-owned, concurrently updated record carries. */
export interface Versioned {
  id: string;
  tenant: string;
  creation_time: string;
  last_updated_time: string;
  /** Optimistic-concurrency counter: every write is conditional on the version it read. */
  version: number;
}
