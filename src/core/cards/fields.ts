import { parseDurationMinutes } from './duration.js';
import type { Difficulty } from './types.js';

/** The frontmatter fields after checking, or the first rule each broke. */
export interface CheckedFields {
  title: string;
  tags: string[];
  difficulty: Difficulty;
  estimatedTime: string;
  estimatedMinutes: number;
  id?: string;
  topic?: string;
  related: string[];
  sim: string[];
  extra: Record<string, unknown>;
}

/** A frontmatter rule a card broke, with the field it concerns. */
export interface FieldProblem {
  rule: string;
  field: string;
  message: string;
}

const KNOWN = new Set(['title', 'tags', 'difficulty', 'estimated_time', 'id', 'topic', 'related', 'sim']);
const DIFFICULTIES = ['easy', 'medium', 'hard'];
const ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;
const TAG_PATTERN = /^[a-z0-9/_.][a-z0-9.+/_:-]{0,39}$/;
const MAX_MINUTES = 8 * 60;

/** Checks the frontmatter fields against the card format, returning every problem found. */
export function checkFields(data: Record<string, unknown>): { fields?: CheckedFields; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const fail = (rule: string, field: string, message: string) => problems.push({ rule, field, message });

  const title = data.title;
  if (typeof title !== 'string' || !title.trim()) fail('title', 'title', `must be a non-empty string, got ${describe(title)}`);
  else if (title.length > 120) fail('title', 'title', `is ${title.length} characters; the limit is 120`);

  const tags = stringList(data.tags);
  if (data.tags === undefined) fail('tags', 'tags', 'is required: a list such as [dns, caching]');
  else if (!tags) fail('tags', 'tags', `must be a list of strings, got ${describe(data.tags)}`);
  else if (tags.length === 0) fail('tags', 'tags', 'needs at least one tag');
  else for (const tag of tags) if (!TAG_PATTERN.test(tag)) fail('tags', 'tags', `"${tag}" may hold only lowercase letters, digits and . + / _ : -`);

  const difficulty = data.difficulty;
  if (typeof difficulty !== 'string' || !DIFFICULTIES.includes(difficulty)) {
    fail('difficulty', 'difficulty', `${difficulty === undefined ? 'is required' : `${describe(difficulty)} is not`} easy, medium or hard`);
  }

  const rawTime = data.estimated_time;
  const minutes = parseDurationMinutes(rawTime);
  if (minutes === undefined) {
    fail('estimated-time', 'estimated_time', `${rawTime === undefined ? 'is required, ' : `${describe(rawTime)} is not`} a duration like 15min or 1h30m`);
  } else if (minutes < 1 || minutes > MAX_MINUTES) {
    fail('estimated-time', 'estimated_time', `${describe(rawTime)} is outside 1 minute to 8 hours`);
  }

  const id = data.id;
  if (id !== undefined && (typeof id !== 'string' || !ID_PATTERN.test(id))) {
    fail('id', 'id', `${describe(id)} may hold only lowercase letters, digits and - (at most 80)`);
  }
  const topic = data.topic;
  if (topic !== undefined && (typeof topic !== 'string' || !ID_PATTERN.test(topic))) {
    fail('topic', 'topic', `${describe(topic)} may hold only lowercase letters, digits and -`);
  }
  const related = optionalList(data.related, 'related', fail);
  const sim = optionalList(data.sim, 'sim', fail);

  if (problems.length > 0) return { problems };
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) if (!KNOWN.has(key)) extra[key] = value;
  return {
    problems,
    fields: {
      title: (title as string).trim(),
      tags: tags!,
      difficulty: difficulty as Difficulty,
      estimatedTime: String(rawTime),
      estimatedMinutes: minutes!,
      id: id as string | undefined,
      topic: topic as string | undefined,
      related,
      sim,
      extra,
    },
  };
}

function optionalList(value: unknown, field: string, fail: (rule: string, field: string, message: string) => void): string[] {
  if (value === undefined || value === null) return [];
  const list = typeof value === 'string' ? [value] : stringList(value);
  if (!list) {
    fail(field, field, `must be a list of ids, got ${describe(value)}`);
    return [];
  }
  return list;
}

// Numbers are accepted as strings, so `tags: [dns, 2308]` works; YAML reads 0x20 as 32, so quote such tags.
function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' || typeof item === 'number')) return undefined;
  return value.map((item: string | number) => String(item).trim());
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value === 'number' ? 'the number' : typeof value} ${String(value)}`;
}
