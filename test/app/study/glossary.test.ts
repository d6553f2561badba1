import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCardLibrary } from '../../../src/app/cards/card-library.js';
import { resolveEnvironment } from '../../../src/app/environment.js';
import { prepareQuiz } from '../../../src/app/study/prepare-quiz.js';
import { quizRequest } from '../../../src/app/study/quiz-request.js';
import { startSession, submitAnswer } from '../../../src/core/quiz/session/session.js';

const NOW = Date.parse('2026-06-01T09:00:00Z');

function studyWithGlossary(glossary: string) {
  const home = mkdtempSync(join(tmpdir(), 'swelearn-glossary-study-'));
  mkdirSync(join(home, 'cards'), { recursive: true });
  writeFileSync(join(home, 'cards', 'glossary.yaml'), glossary);
  const environment = resolveEnvironment({ env: { SWELEARN_HOME: home }, cwd: process.cwd() });
  const warnings: string[] = [];
  return { study: { environment, cards: openCardLibrary(environment), warn: (message: string) => warnings.push(message) }, warnings, home };
}

describe('the glossary in a prepared quiz', () => {
  it("checks typed answers with the bundled glossary and the user's own, and warns of a broken line by file and line", async () => {
    const plain = await prepareQuiz(studyWithGlossary('').study, quizRequest({ mode: 'cloze', count: 1, cram: true }), NOW, 7);
    const first = plain.setup.questions[0]!;
    const answer = first.item.term!.answer;
    const { study, warnings, home } = studyWithGlossary(`synonyms:\n  - ["${answer}", my own private name]\n  - [lonely]\n`);
    const prepared = await prepareQuiz(study, quizRequest({ mode: 'cloze', count: 1, cram: true }), NOW, 7);
    const question = prepared.setup.questions[0]!;
    expect(question.item.id).toBe(first.item.id);
    expect(submitAnswer(startSession(prepared.setup, NOW), 'my own private name', NOW + 1000).state.last).toMatchObject({ verdict: 'correct', check: { matched: answer } });
    expect(submitAnswer(startSession(plain.setup, NOW), 'my own private name', NOW + 1000).state.last).toMatchObject({ verdict: 'wrong' });
    expect(warnings).toEqual([`warning: ${join(home, 'cards', 'glossary.yaml')}:3: glossary: synonyms: a line needs at least two terms (line skipped)`]);
  });

  it('checks with the bundled glossary: "time to live" is TTL', async () => {
    const { study } = studyWithGlossary('');
    const prepared = await prepareQuiz(study, quizRequest({ mode: 'cloze', count: 1, cram: true }), NOW, 7);
    expect(prepared.setup.checking!.glossary.phrases.get('timetolive')).toBe(prepared.setup.checking!.glossary.phrases.get('ttl'));
    expect(prepared.setup.checking!.glossary.phrases.get('ttl')).toBeDefined();
  });
});
