import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../src/core/dns-sim/scenarios/scenarios.js';
import { FIXTURES, freshHome, runCli } from './run-cli.js';

// What was asked: the item, its prompt and options (deadlines move with the clock).
const itemsOf = (stdout: string) =>
  stdout.trim().split('\n').map((line) => JSON.parse(line) as { event: string; item?: string; prompt?: string; choices?: string[] }).filter((event) => event.event === 'item').map(({ item, prompt, choices }) => ({ item, prompt, choices }));

describe('the cached predict items of the built app', () => {
  it('are made once, then read, and a damaged cache is made again with the same items', () => {
    const home = freshHome();
    // A card of the user's own that no scenario pairs with leaves the predict items the build derived for the bundled cards.
    cpSync(join(FIXTURES, 'cards', 'good', 'networking'), join(home, 'cards'), { recursive: true });
    const env = { SWELEARN_HOME: home, SWELEARN_SEED: '5', SWELEARN_NOW: '2026-06-01T09:00:00Z' };
    const quiz = () => runCli(['quiz', '--mode', 'predict', '--count', '50', '--cram', '--json'], { env });
    const seeded = quiz();
    const cache = join(home, 'cache', 'predict-items.json');
    expect(seeded.code).toBe(0);
    expect(existsSync(cache)).toBe(false);
    // One that names a scenario in sim: is in the key (it would illustrate the scenario were the scenario's own card not loaded): made again.
    const card = join(home, 'cards', 'tcp-handshake.md');
    writeFileSync(card, readFileSync(card, 'utf8').replace('related: [resolution-flow]\n', 'related: [resolution-flow]\nsim: [cold-cache]\n'));
    const first = quiz();
    expect(existsSync(cache)).toBe(true);
    // The items' heads (id first) on the first line, their bodies after it.
    const stored = readFileSync(cache, 'utf8');
    const { value } = JSON.parse(stored.slice(0, stored.indexOf('\n'))) as { key: string; value: { heads: [string, ...unknown[]][] } };
    // One item per key moment: at least one for each of the scenarios.
    expect(value.heads.length).toBeGreaterThanOrEqual(SCENARIOS.length);
    expect(value.heads.every(([id]) => id.startsWith('sim/'))).toBe(true);
    const second = quiz();
    expect(itemsOf(second.stdout)).toEqual(itemsOf(first.stdout));
    writeFileSync(cache, '{"key": "old", "value": [');
    const third = quiz();
    expect(itemsOf(third.stdout)).toEqual(itemsOf(first.stdout));
    expect(readFileSync(cache, 'utf8')).toBe(stored);
    expect(third.stderr).toBe('');
  });

});

describe('the study data the build derived from the bundled cards and world', () => {
  it('answers a first run with an empty cache folder: stats, plan and quiz make no item (none is written to the cache)', () => {
    const home = freshHome();
    const env = { SWELEARN_HOME: home, SWELEARN_SEED: '5', SWELEARN_NOW: '2026-06-01T09:00:00Z' };
    for (const args of [['stats'], ['plan'], ['quiz', '--list']]) expect(runCli(args, { env }).code, args.join(' ')).toBe(0);
    const quiz = runCli(['quiz', '--mode', 'predict', '--count', '3', '--cram', '--json'], { env });
    expect(itemsOf(quiz.stdout)[0]?.item).toMatch(/^sim\//);
    expect(readdirSync(join(home, 'cache')).filter((name) => /^(card-items|predict-items|distractors)\.json$/.test(name))).toEqual([]);
    // The bundled glossary too comes parsed from the build: no YAML is read on a first run.
    expect(readdirSync(join(home, 'cache')).filter((name) => name.startsWith('glossary-text-'))).toEqual([]);
  });

  // The choice options depend on the blanks alone; a deck of extra cards without any (1,000 of them in the bench) chose
  // them all again at its first quiz, 230 ms and 19 MB, to find the bundled deck's.
  it('answers a deck that adds cards without blanks: its first quiz chooses no option (none is written) and asks the same choices', () => {
    const env = { SWELEARN_SEED: '5', SWELEARN_NOW: '2026-06-01T09:00:00Z' };
    const plain = freshHome();
    mkdirSync(join(plain, 'cards'));
    writeFileSync(join(plain, 'cards', 'plain-notes.md'), PLAIN_CARD);
    const args = ['quiz', '--mode', 'choice', '--card', 'negative-caching', '--count', '5', '--cram', '--json'];
    const input = '1\n'.repeat(10);
    const withPlain = runCli(args, { env: { ...env, SWELEARN_HOME: plain }, input });
    const bundledOnly = runCli(args, { env: { ...env, SWELEARN_HOME: freshHome() }, input });
    expect(withPlain.stderr).toBe('');
    expect(runCli(['quiz', '--list', '--json'], { env: { ...env, SWELEARN_HOME: plain } }).stdout).toContain('"card":"plain-notes"');
    expect(itemsOf(withPlain.stdout).length).toBeGreaterThanOrEqual(5);
    expect(itemsOf(withPlain.stdout)).toEqual(itemsOf(bundledOnly.stdout));
    expect(existsSync(join(plain, 'cache', 'distractors.json'))).toBe(false);
  });
});

const PLAIN_CARD = `---
title: "Plain notes"
tags: [notes]
difficulty: easy
estimated_time: 5min
---

## Overview
A card of plain sentences, with nothing marked to hide.

## When to Use
When a resolver answers slowly and the cache holds nothing useful for the query.

## Trade-offs & Gotchas
- A cache that never expires serves stale answers long after the zone changed.

## Key Points for Interviews
- A resolver that waits on every upstream server makes each lookup as slow as the slowest one.
- Caches close to the client cut the latency of repeated lookups more than anything upstream.
`;
