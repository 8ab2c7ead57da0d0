/** What a contender lets the benchmark do without going through its UI (untimed set-up). */
export interface BenchControls {
  /** Removes IDs as a remote deletion would (the naive lists have no backend). */
  removeIDs: (ids: string[]) => void;
  /** Selects the first N rows (untimed set-up of the delete scenario). */
  selectFirst: (count: number) => void;
  ids: () => string[];
}

export function createBenchControls(): BenchControls {
  return { removeIDs: () => {}, selectFirst: () => {}, ids: () => [] };
}
