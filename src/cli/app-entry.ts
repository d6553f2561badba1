// The app build's entry (dist/app/open-app.cjs): what the commands that open a screen use (cli/app-door.ts), and what
// bin/swelearn.js runs for a bare `swelearn`, `swelearn stats` or `swelearn quiz` in a terminal (src/cli/start.ts).
export { openApp, preloadApp } from './open-app.js';
export { openAppFromBin } from './app-from-bin.js';
