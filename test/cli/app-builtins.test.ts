import { describe, expect, it } from 'vitest';
import { BIN, builtinsListing, homeWithRecordedLog } from './run-cli.js';
import { hasTmux, terminal } from './tmux-terminal.js';

// node:crypto (about 2 ms to load) and fs/promises (about 1 ms, with readline and the fs watchers) are loaded by nothing
// the app does at its start with warm caches: not before the first frame of the home, quiz or statistics screen, and not
// in the seconds after it (the search index, the study badges, the screens loaded ahead), when a key typed waits for them.
const SLOW_BUILTINS = /crypto|fs\/promises|readline/;

describe.skipIf(!hasTmux)('the app in a terminal, with warm caches', () => {
  it.each([
    ['the home screen, a search typed', '', '42 cards', ['/', 't', 't', 'l']],
    ['the quiz screen', 'quiz', 'Quiz 1/', []],
    ['the statistics screen', 'stats', 'Progress', []],
  ])('%s loads none of the slow built-in modules', async (_name, args, shown, keys) => {
    const home = homeWithRecordedLog();
    const listing = builtinsListing();
    const command = (list: boolean) => `env -u CI SWELEARN_HOME=${home} SWELEARN_NOW=2026-12-07T10:00:00Z ${list ? `NODE_OPTIONS='${listing.nodeOptions}'` : ''} node ${BIN} ${args}`;
    // The first start fills the caches (the card cache checks the cards' bytes with node:crypto then); the second is listed.
    for (const list of [false, true]) {
      const tty = terminal(`swelearn-builtins-${process.pid}-${args || 'home'}-${list}`, command(list));
      try {
        await tty.waitFor(shown);
        for (const key of keys) tty.keys(key);
        if (keys.length > 0) await tty.waitFor('Search: ttl');
        // The study badges load about a second after the first frame, and the screens ahead of use soon after.
        await new Promise((resolve) => setTimeout(resolve, 2500));
        tty.keys('C-c');
        await tty.waitFor('EXIT');
      } finally {
        tty.close();
      }
    }
    const builtins = listing.read();
    expect(builtins).toContain('NativeModule fs');
    expect(builtins.filter((module) => SLOW_BUILTINS.test(module))).toEqual([]);
  }, 40_000);
});
