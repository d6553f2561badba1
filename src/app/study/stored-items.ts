import type { QuizItem } from '../../core/quiz/types.js';
import { builtSeedDir, readDerivedRecords, writeDerivedRecords, type DerivedRecords, type ParsedBytes } from '../../io/derived-cache.js';

// What every read of the stored items parses: what a quiz filters, orders and picks items by, and what decides the modes
// an item can be asked in (its blank, its simulator step). About a third of the items' bytes.
type ItemHead = [id: string, kind: QuizItem['kind'], cardId: string, difficulty: QuizItem['difficulty'], topic: string, term: QuizItem['term'] | 0, predict: QuizItem['predict'] | 0];
// The rest, parsed for an item the first time any of it is read: a quiz reads it for the items it asks.
type ItemBody = [cardTitle: string, tags: string[], source: QuizItem['source'], text: string, front: string, back: string];

/** Items stored under a name (card-items, predict-items) for this key, from the cache folder or the build's seed; undefined when neither holds it. */
export function readStoredItems(cacheDir: string, name: string, key: string, work?: ParsedBytes): QuizItem[] | undefined {
  const records = readDerivedRecords<ItemHead, ItemBody>(cacheDir, name, key, builtSeedDir(), work);
  return records && unpackItems(records);
}

/** Stores items under a name for readStoredItems. */
export function storeItems(cacheDir: string, name: string, key: string, items: readonly QuizItem[]): void {
  const { heads, bodies } = packItems(items);
  writeDerivedRecords(cacheDir, name, key, heads, bodies);
}

/** Splits items into the heads and bodies writeDerivedRecords stores. */
export function packItems(items: readonly QuizItem[]): { heads: ItemHead[]; bodies: ItemBody[] } {
  return {
    heads: items.map((item) => [item.id, item.kind, item.cardId, item.difficulty, item.topic, item.term ?? 0, item.predict ?? 0]),
    bodies: items.map((item) => [item.cardTitle, item.tags, item.source, item.text, item.front, item.back]),
  };
}

/** The stored items, each with its head's fields set and its body parsed the first time one of its fields is read. */
export function unpackItems(records: DerivedRecords<ItemHead, ItemBody>): QuizItem[] {
  return records.heads.map((head, index) => new StoredItem(head, () => records.body(index)));
}

// The body's fields are getters of the class, not of each item (defining them per item costs more than parsing the
// heads). They are not own properties: a copy made by spreading has none, so nothing copies items that way.
class StoredItem {
  declare id: string;
  declare kind: QuizItem['kind'];
  declare cardId: string;
  declare difficulty: QuizItem['difficulty'];
  declare topic: string;
  declare term?: QuizItem['term'];
  declare predict?: QuizItem['predict'];
  #read: () => ItemBody;
  #body: ItemBody | undefined;

  // The head's fields by index: destructured, each item (every item of the library, before the quiz's first frame, while
  // the code is still interpreted) made an iterator and a result object for each field, about 0.15 MB for 1,147 items.
  constructor(head: ItemHead, read: () => ItemBody) {
    this.id = head[0];
    this.kind = head[1];
    this.cardId = head[2];
    this.difficulty = head[3];
    this.topic = head[4];
    const term = head[5];
    const predict = head[6];
    if (term !== 0) this.term = term;
    if (predict !== 0) this.predict = predict;
    this.#read = read;
  }

  get #whole(): ItemBody {
    return (this.#body ??= this.#read());
  }

  get cardTitle(): string {
    return this.#whole[0];
  }

  get tags(): string[] {
    return this.#whole[1];
  }

  get source(): QuizItem['source'] {
    return this.#whole[2];
  }

  get text(): string {
    return this.#whole[3];
  }

  get front(): string {
    return this.#whole[4];
  }

  get back(): string {
    return this.#whole[5];
  }
}
