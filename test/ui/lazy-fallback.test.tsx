import { BUNDLED_CARDS_LABEL } from '../content/load-bundled.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { INITIAL_APP, type AppState } from '../../src/ui/app-state.js';
import { openReader } from '../../src/ui/screens/reader/reader-state.js';

// The reader's chunk never arrives, as on a slow disk or a busy machine a learner may meet it for a moment.
vi.mock('../../src/ui/lazy-modules.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/ui/lazy-modules.js')>();
  const { lazyModule } = await import('../../src/ui/lazy.js');
  const never = lazyModule<typeof import('../../src/ui/screens/reader/reader-screen.js')>(() => new Promise(() => undefined));
  return { ...original, READER: never, preloadModules: async () => undefined };
});

const { renderApp } = await import('./app-harness.js');
type Harness = Awaited<ReturnType<typeof renderApp>>;

let app: Harness | undefined;
afterEach(() => app?.unmount());

const onReader: AppState = { ...INITIAL_APP, stack: [...INITIAL_APP.stack, { kind: 'reader', reader: openReader('negative-caching') }] };

describe('a screen whose code has not loaded', () => {
  it('still takes Esc: the learner goes back instead of the key being lost', async () => {
    app = await renderApp({ initialState: onReader, rows: 24 });
    await app.waitForFrame('Loading… (Esc goes back)');
    await app.press('escape');
    await app.waitForFrame(BUNDLED_CARDS_LABEL);
  });

  it('still takes ? for help', async () => {
    app = await renderApp({ initialState: onReader, rows: 24 });
    await app.waitForFrame('Loading…');
    await app.press('?');
    expect(await app.waitForFrame('Keys')).toContain('Esc');
  });
});
