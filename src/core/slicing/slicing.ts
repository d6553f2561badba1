/** How a caller that must stay responsive (the app, handling keys) lets long work pause: its clock, the longest stretch without a pause, and the pause. */
export interface Slicing {
  now: () => number;
  sliceMs: number;
  pause: () => Promise<void>;
}

/** Runs `step` for 0 to count - 1 in order, pausing between two steps (never before the first or after the last) whenever a slice's time is used up. */
export async function forEachInSlices(count: number, slicing: Slicing, step: (index: number) => void): Promise<void> {
  let sliceEnds = slicing.now() + slicing.sliceMs;
  for (let index = 0; index < count; index++) {
    step(index);
    if (index < count - 1 && slicing.now() >= sliceEnds) {
      await slicing.pause();
      sliceEnds = slicing.now() + slicing.sliceMs;
    }
  }
}
