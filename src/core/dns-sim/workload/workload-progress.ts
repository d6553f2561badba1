/** How far a workload run has got: queries simulated over all variants, out of the total. */
export interface WorkloadProgressUpdate {
  done: number;
  total: number;
  /** The variant being simulated. */
  label: string;
}

/** Where a run reports progress: an elapsed-time clock and a sink, both injected so the core stays pure. */
export interface WorkloadProgress {
  /** Milliseconds since any fixed point (a monotonic clock). */
  elapsedMs(): number;
  show(update: WorkloadProgressUpdate): void;
  /** Called once at the end, only when something was shown. */
  clear(): void;
}

/** A run shorter than this shows nothing: progress that flashes for a moment is noise. */
export const PROGRESS_DELAY_MS = 2000;

/** The least time between two updates, so a fast run does not flood the terminal. */
export const PROGRESS_INTERVAL_MS = 100;

/** Queries simulated between two looks at the clock: under a tenth of a second of work, so the clock costs nothing. */
export const PROGRESS_CHUNK_QUERIES = 1 << 18;

/** Decides, on each chunk's end, whether to show progress; returned by startProgress. */
export interface ProgressTracker {
  tick(update: WorkloadProgressUpdate): void;
  finish(): void;
}

/** Starts the clock of a run: updates go to `progress` once PROGRESS_DELAY_MS have passed, at most one per PROGRESS_INTERVAL_MS. */
export function startProgress(progress: WorkloadProgress | undefined): ProgressTracker {
  if (!progress) return { tick: () => undefined, finish: () => undefined };
  const startedAt = progress.elapsedMs();
  let shownAt: number | undefined;
  return {
    tick(update) {
      const now = progress.elapsedMs();
      if (now - startedAt < PROGRESS_DELAY_MS) return;
      if (shownAt !== undefined && now - shownAt < PROGRESS_INTERVAL_MS) return;
      shownAt = now;
      progress.show(update);
    },
    finish() {
      if (shownAt !== undefined) progress.clear();
    },
  };
}
