import { appendFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCardLibrary } from '../../../src/app/cards/card-library.js';
import { resolveEnvironment } from '../../../src/app/environment.js';
import { quizRequest } from '../../../src/app/study/quiz-request.js';
import { NOTHING_TO_STUDY, openStudyPort, type QuizLaunch, type StudyPortOptions } from '../../../src/app/study/study-port.js';
import { startSession, gradeFlashcard } from '../../../src/core/quiz/session/session.js';
import { readReviewLog } from '../../../src/io/progress/read-review-log.js';

function studyAt(env: NodeJS.ProcessEnv = {}, options: StudyPortOptions = {}) {
  const home = mkdtempSync(join(tmpdir(), 'swelearn-study-'));
  const environment = resolveEnvironment({ env: { SWELEARN_HOME: home, SWELEARN_SEED: '3', SWELEARN_NOW: '2026-06-01T09:00:00Z', ...env }, cwd: process.cwd() });
  const warnings: string[] = [];
  const port = openStudyPort({ environment, cards: openCardLibrary(environment), warn: (message) => warnings.push(message) }, options);
  return { port, home, warnings, logPath: join(home, 'progress', 'reviews.jsonl') };
}

describe('the study services as the app uses them', () => {
  it('prepares a session from a typed request, with a recorder that writes the log and a clock offset from SWELEARN_NOW', async () => {
    const { port, logPath } = studyAt();
    const launch = (await port.prepareQuiz(quizRequest({ card: 'negative-caching', mode: 'flashcard', count: 2 }))) as QuizLaunch;
    expect(launch.session.questions).toHaveLength(2);
    expect(launch.session.questions.every((question) => question.item.cardId === 'negative-caching' && question.mode === 'flashcard')).toBe(true);
    expect(launch.clockOffsetMs).toBeLessThan(0);
    const nowMs = Date.parse('2026-06-01T09:00:00Z');
    const { entries } = gradeFlashcard(startSession(launch.session, nowMs), 3, nowMs + 2000);
    expect(launch.record(entries)).toEqual({ ok: true });
    launch.close();
    expect(readReviewLog(logPath).entries).toEqual([expect.objectContaining({ type: 'review', grade: 3, card: 'negative-caching' })]);
    expect(launch.record(entries)).toMatchObject({ ok: false });
  });

  it('runs the loads that allocate in a burst (a quiz, the statistics, the badges) through the burst runner, whose result they give', async () => {
    const ran: string[] = [];
    const { port } = studyAt({}, { burst: async (work) => { ran.push('start'); const result = await work(); ran.push('end'); return result; } });
    await port.prepareQuiz(quizRequest({ card: 'negative-caching', mode: 'flashcard', count: 1 }));
    expect(ran).toEqual(['start', 'end']);
    expect((await port.loadStats()).items.total).toBeGreaterThan(300);
    expect((await port.cardStates()).size).toBeGreaterThan(0);
    expect(ran).toEqual(['start', 'end', 'start', 'end', 'start', 'end']);
  });

  it("gives the app's quiz length from the config file, or the default", () => {
    expect(studyAt().port.quizCount!()).toBe(20);
    const { port, home } = studyAt();
    writeFileSync(join(home, 'config.yaml'), 'count: 6\n');
    expect(port.quizCount!()).toBe(6);
  });

  it('says why there is nothing to ask instead of failing: nothing due, or a card that does not exist', async () => {
    const { port, home } = studyAt();
    expect(await port.prepareQuiz(quizRequest({ due: true }))).toEqual({ nothing: NOTHING_TO_STUDY });
    expect(await port.prepareQuiz(quizRequest({ card: 'negative-cachin' }))).toEqual({ nothing: 'no card has id "negative-cachin"; did you mean negative-caching?' });
    // A quiet day creates no files.
    expect(existsSync(join(home, 'progress'))).toBe(false);
  });

  it("computes the statistics and each card's study state from the log", async () => {
    const { port } = studyAt();
    const stats = await port.loadStats();
    expect(stats.items.total).toBeGreaterThan(300);
    expect(stats.answers.total).toBe(0);
    const states = await port.cardStates();
    expect(states.get('negative-caching')).toEqual({ label: 'new', tone: 'muted' });
  });

  it('passes on a damaged log line as a warning, and keeps going', async () => {
    const { port, home, warnings } = studyAt();
    mkdirSync(join(home, 'progress'), { recursive: true });
    appendFileSync(join(home, 'progress', 'reviews.jsonl'), '{"not": "an entry"}\n');
    await port.loadStats();
    expect(warnings.join('\n')).toMatch(/progress log .*reviews\.jsonl: line 1 is damaged/);
  });
});
