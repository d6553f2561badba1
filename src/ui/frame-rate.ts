/**
 * The most frames a second Ink may paint. The app paces its own animation (45 ms a frame), so Ink's
 * throttle only caps bursts; at 60 it held a keystroke up to 16 ms behind a frame painted just
 * before it (a preview catching up), while a frame costs a few milliseconds to paint.
 */
export const MAX_FRAMES_PER_SECOND = 120;
