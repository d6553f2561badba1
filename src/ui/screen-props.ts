/** What every screen gets: its state, how to change it, the space it has, and whether it has the keys. */
export interface ScreenProps<S> {
  state: S;
  setState: (update: (state: S) => S) => void;
  /** The screen's state as of now, including changes made by keys earlier in the same read. */
  latest: () => S;
  /** Whether the screen has the keys right now (it is on top, the help is closed, its pane is focused). */
  live: () => boolean;
  width: number;
  height: number;
}
