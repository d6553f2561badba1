import { parseCard } from '../../../src/core/cards/parse-card.js';
import type { Card } from '../../../src/core/cards/types.js';
import { cardText } from '../cards/card-text.js';

/** A card with the given key points (Markdown) and optional practice questions, for quiz tests. */
export function quizCard(id: string, keyPoints: string[], options: { tags?: string[]; related?: string[]; questions?: [string, string][]; topic?: string } = {}): Card {
  const related = options.related?.length ? `\nrelated: [${options.related.join(', ')}]` : '';
  const questions = options.questions?.length ? `\n## Practice Questions\n${options.questions.map(([q, a]) => `- Q: ${q}\n  A: ${a}`).join('\n')}\n` : '';
  const text = cardText({
    frontmatter: `title: "${id} title: details"\ntags: [${(options.tags ?? ['dns']).join(', ')}]\ndifficulty: medium\nestimated_time: 10min\ntopic: ${options.topic ?? 'dns'}${related}`,
    body: `## Overview\nAbout ${id}.\n\n## When to Use\nAlways.\n\n## Trade-offs & Gotchas\n- Some.\n\n## Key Points for Interviews\n${keyPoints.map((point) => `- ${point}`).join('\n')}\n${questions}`,
  });
  const parsed = parseCard(text, { path: `${id}.md`, defaultId: id, defaultTopic: options.topic ?? 'dns', origin: 'bundled' });
  if (!parsed.card) throw new Error(JSON.stringify(parsed.problems));
  return parsed.card;
}

/** Epoch milliseconds of a local date-time, so day boundaries in tests follow the machine's time zone like the code does. */
export function localTime(year: number, month: number, day: number, hour = 12, minute = 0): number {
  return new Date(year, month - 1, day, hour, minute).getTime();
}
