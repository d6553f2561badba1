import { sanitizeText, stripControl } from '../text/sanitize.js';
import { checkFields } from './fields.js';
import { splitFrontmatter } from './frontmatter.js';
import { findExcessiveNesting, MAX_NESTING } from './nesting.js';
import { listItemsOf, practiceQuestionsOf, REQUIRED_SECTIONS, splitSections } from './sections.js';
import type { Card, CardOrigin, CardProblem } from './types.js';

/** Where a card file sits: its path for messages, its default id and topic, and its origin. */
export interface CardFileInfo {
  path: string;
  defaultId: string;
  defaultTopic: string;
  origin: CardOrigin;
}

/** Parses one card file's text; returns the card when it has no error, and every problem found. */
export function parseCard(raw: string, info: CardFileInfo): { card?: Card; problems: CardProblem[] } {
  const problems: CardProblem[] = [];
  const report = (level: CardProblem['level'], rule: string, message: string, line?: number) =>
    problems.push({ level, rule, message, path: info.path, ...(line === undefined ? {} : { line }) });

  const { text, removed, firstLine } = sanitizeText(raw);
  if (removed > 0) report('warning', 'control-characters', `removed ${removed} terminal control character${removed === 1 ? '' : 's'}`, firstLine);

  const split = splitFrontmatter(text);
  if (!split.ok) {
    report('error', split.rule, split.message, split.line);
    return { problems };
  }
  const checked = checkFields(split.data);
  for (const problem of checked.problems) report('error', problem.rule, problem.message, split.fieldLines[problem.field]);

  const nested = findExcessiveNesting(split.body, split.bodyLine);
  if (nested) {
    report('error', 'nesting-too-deep', `lists or quotes nest ${nested.depth} levels; the limit is ${MAX_NESTING}`, nested.line);
    return { problems };
  }

  const sections = splitSections(split.body, split.bodyLine);
  for (const required of REQUIRED_SECTIONS) {
    if (!sections.some((section) => section.kind === required.kind)) report('error', 'missing-section', `no "## ${required.name}" section`);
  }
  const keySection = sections.find((section) => section.kind === 'key-points');
  const keyPoints = keySection ? listItemsOf(keySection).filter((point) => point.markdown.length > 0) : [];
  if (keySection && keyPoints.length === 0) report('error', 'empty-key-points', '"Key Points for Interviews" has no bullet items', keySection.line);

  const practiceSection = sections.find((section) => section.kind === 'practice-questions');
  const practice = practiceSection ? practiceQuestionsOf(practiceSection) : { questions: [], invalidLines: [] };
  for (const line of practice.invalidLines) report('error', 'practice-question', 'each item needs a "Q:" question and an "A:" answer line', line);

  const fields = checked.fields;
  if (!fields || problems.some((problem) => problem.level === 'error')) return { problems };
  return {
    problems,
    card: {
      // A file or folder name is outside text like the card's own: an id made from it keeps no control character.
      id: fields.id ?? stripControl(info.defaultId),
      title: fields.title,
      tags: fields.tags,
      difficulty: fields.difficulty,
      estimatedTime: fields.estimatedTime,
      estimatedMinutes: fields.estimatedMinutes,
      topic: fields.topic ?? stripControl(info.defaultTopic),
      related: fields.related,
      sim: fields.sim,
      extra: fields.extra,
      sections,
      keyPoints,
      practiceQuestions: practice.questions,
      path: info.path,
      origin: info.origin,
      fieldLines: split.fieldLines,
    },
  };
}
