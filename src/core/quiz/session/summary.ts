import type { SessionState } from './session-state.js';
import type { QuizMode } from '../types.js';
import { compareKeys } from '../../text/compare-keys.js';

/** One answered item in the summary. */
export interface SummaryItem {
  itemId: string;
  cardId: string;
  mode: QuizMode;
  /** The prompt on one line (a simulator step's lines joined with " / "). */
  prompt: string;
  answer: string;
  correct: boolean;
  timedOut: boolean;
  /** The learner said a rejected answer was right ("I was right"). */
  claimed: boolean;
  retry: boolean;
  elapsedMs: number;
  nextDueAt?: number;
}

/** A card section worth reading again, with how many items from it were missed. */
export interface RereadSection {
  cardId: string;
  cardTitle: string;
  sectionName: string;
  line: number;
  misses: number;
}

/** What a finished session tells the learner: score, time per item, weakest tags, sections to reread. */
export interface SessionSummary {
  /** Items answered in this session, each once (retries after a miss are listed, not scored; an item whose time ran out is scored by its replay). */
  asked: number;
  correct: number;
  /** Items whose time ran out (not graded). */
  timedOut: number;
  /** Answers the learner claimed right after the check rejected them. */
  claimed: number;
  retries: number;
  retriesCorrect: number;
  scorePercent: number;
  totalMs: number;
  averageMs: number;
  items: SummaryItem[];
  weakestTags: { tag: string; missed: number; asked: number }[];
  reread: RereadSection[];
  endedBy: 'completed' | 'time-up' | 'quit';
  notSaved: number;
  cram: boolean;
  /** Items the learner suspended or buried during the session (undone ones not counted). */
  held: { suspended: number; buried: number };
}

/** Summarises a session from its answers. */
export function summariseSession(state: SessionState, nowMs: number): SessionSummary {
  const items: SummaryItem[] = state.answers.map((answer) => ({
    itemId: answer.question.item.id, cardId: answer.question.item.cardId, mode: answer.question.mode, prompt: oneLine(answer.question.prompt),
    answer: answer.question.answer, correct: answer.correct, timedOut: answer.timedOut, claimed: answer.verdict === 'claimed', retry: answer.retry, elapsedMs: answer.elapsedMs,
    ...(answer.nextDueAt === undefined ? {} : { nextDueAt: answer.nextDueAt }),
  }));
  const first = state.answers.filter((answer) => !answer.retry && !answer.timedOut);
  const retries = state.answers.filter((answer) => answer.retry && !answer.timedOut);
  const correct = first.filter((answer) => answer.correct).length;
  const tags = new Map<string, { tag: string; missed: number; asked: number }>();
  const sections = new Map<string, RereadSection>();
  for (const answer of first) {
    const item = answer.question.item;
    for (const tag of item.tags) {
      const entry = tags.get(tag) ?? { tag, missed: 0, asked: 0 };
      entry.asked += 1;
      if (!answer.correct) entry.missed += 1;
      tags.set(tag, entry);
    }
    if (answer.correct) continue;
    const key = `${item.source.cardId}\u0000${item.source.sectionName}`;
    const section = sections.get(key) ?? { cardId: item.source.cardId, cardTitle: item.cardTitle, sectionName: item.source.sectionName, line: item.source.line, misses: 0 };
    section.misses += 1;
    sections.set(key, section);
  }
  const totalMs = (state.endedAt ?? nowMs) - state.startedAt;
  const answeredMs = state.answers.reduce((sum, answer) => sum + answer.elapsedMs, 0);
  return {
    asked: first.length,
    correct,
    timedOut: state.answers.filter((answer) => answer.timedOut).length,
    claimed: state.answers.filter((answer) => answer.verdict === 'claimed').length,
    retries: retries.length,
    retriesCorrect: retries.filter((answer) => answer.correct).length,
    scorePercent: first.length === 0 ? 0 : Math.round((100 * correct) / first.length),
    totalMs,
    averageMs: state.answers.length === 0 ? 0 : Math.round(answeredMs / state.answers.length),
    items,
    weakestTags: [...tags.values()].filter((tag) => tag.missed > 0).sort((a, b) => b.missed / b.asked - a.missed / a.asked || b.missed - a.missed || compareKeys(a.tag, b.tag)).slice(0, 3),
    reread: [...sections.values()].sort((a, b) => b.misses - a.misses || compareKeys(a.cardId, b.cardId)),
    endedBy: state.endedBy ?? 'quit',
    notSaved: state.answers.filter((answer) => answer.saved === 'not-saved').length + state.holds.filter((held) => held.saved === 'not-saved').length,
    cram: state.setup.cram,
    held: { suspended: state.holds.filter((held) => held.entry.type === 'suspend').length, buried: state.holds.filter((held) => held.entry.type === 'bury').length },
  };
}

/** A prompt on one line for a row of a list: a simulator step's lines (scenario, what happened, question) joined with " / ". */
export function oneLine(prompt: string): string {
  return prompt.replace(/\s*\n\s*/g, ' / ').replace(/[ \t]+/g, ' ').trim();
}

/** The counts a summary line adds after the score: retries, items whose time ran out, answers the learner claimed right. */
export function summaryNotes(summary: SessionSummary): string[] {
  return [
    ...(summary.retries > 0 ? [`retries ${summary.retriesCorrect}/${summary.retries}`] : []),
    ...(summary.timedOut > 0 ? [`${summary.timedOut} ran out of time (not graded)`] : []),
    ...(summary.claimed > 0 ? [`${summary.claimed} counted right by you`] : []),
    ...(summary.held.suspended > 0 ? [`${summary.held.suspended} suspended`] : []),
    ...(summary.held.buried > 0 ? [`${summary.held.buried} buried until tomorrow`] : []),
  ];
}
