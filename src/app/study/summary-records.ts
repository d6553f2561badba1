import type { ItemSource, QuizItem, StudyItem } from '../../core/quiz/types.js';
import { readDerivedRecords, writeDerivedRecords, type ParsedBytes } from '../../io/derived-cache.js';

const NAME = 'study-summary';

// A run of items sharing a card, source card, topic and tags: [cardId, sourceCardId, topic, tags, [id, kind][]].
type RunHead = [string, string, string, string[], [string, QuizItem['kind']][]];
// Where each item of the run comes from and what it says: [section, line, text][].
type RunBody = [string, number, string][];

/**
 * Stores the summary as one record a run: the heads (cards, topics, tags, ids, kinds) are what stats, plan and
 * the badges read of every item, the bodies (sections, lines, texts, about two thirds of the bytes) what they
 * read of a few items only, the ones a report names.
 */
export function writeSummaryRecords(cacheDir: string, key: string, items: readonly StudyItem[]): void {
  const heads: RunHead[] = [];
  const bodies: RunBody[] = [];
  let head: RunHead | undefined;
  for (const item of items) {
    if (!head || head[0] !== item.cardId || head[1] !== item.source.cardId || head[2] !== item.topic || !sameTags(head[3], item.tags)) {
      head = [item.cardId, item.source.cardId, item.topic, item.tags, []];
      heads.push(head);
      bodies.push([]);
    }
    head[4].push([item.id, item.kind]);
    bodies.at(-1)!.push([item.source.sectionName, item.source.line, item.text]);
  }
  writeDerivedRecords(cacheDir, NAME, key, heads, bodies);
}

/** The summary's items stored under this key (undefined when none is): each run's texts and sources are parsed when one of its items is first asked for them. */
export function readSummaryRecords(cacheDir: string, key: string, parsed?: ParsedBytes): StudyItem[] | undefined {
  // Only the cache folder holds a summary: the build's seed could not know this machine's file times.
  const records = readDerivedRecords<RunHead, RunBody>(cacheDir, NAME, key, undefined, parsed);
  if (!records) return undefined;
  const items: StudyItem[] = [];
  records.heads.forEach(([cardId, sourceCardId, topic, tags, heads], index) => {
    const run = new RunDetails(sourceCardId, () => records.body(index));
    heads.forEach(([id, kind], at) => items.push(new SummaryItem(id, kind, cardId, topic, tags, run, at)));
  });
  return items;
}

// The bodies of one run, parsed once, when the first of its items is asked for its text or source.
class RunDetails {
  private parsed: RunBody | undefined;
  constructor(
    readonly sourceCardId: string,
    private readonly read: () => RunBody,
  ) {}

  at(index: number): RunBody[number] {
    return (this.parsed ??= this.read())[index]!;
  }
}

// An item of the summary: what every item is read for in its own fields, its text and source read through its run.
class SummaryItem implements StudyItem {
  constructor(
    readonly id: string,
    readonly kind: QuizItem['kind'],
    readonly cardId: string,
    readonly topic: string,
    readonly tags: string[],
    private readonly run: RunDetails,
    private readonly index: number,
  ) {}

  get text(): string {
    return this.run.at(this.index)[2];
  }

  get source(): ItemSource {
    const [sectionName, line] = this.run.at(this.index);
    return { cardId: this.run.sourceCardId, sectionName, line };
  }
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, index) => tag === b[index]);
}
