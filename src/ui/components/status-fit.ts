import { displayWidth } from '../../core/markdown/wrap.js';

/** One key on the status bar: its keys as written, its label, and whether it must stay however narrow. */
export interface StatusItem {
  keys: string;
  label: string;
  essential: boolean;
}

/** What the status bar shows: the items kept, in table order, and whether the screen's title still fits. */
export interface StatusFit {
  shown: StatusItem[];
  title: boolean;
}

/**
 * Fits the status items into a width. The essential ones (help, back, quit) always stay; the others
 * follow in table order while they fit beside them, so the least important, last in the table, go first.
 * The title gives way before an essential key does.
 */
export function fitStatus(items: readonly StatusItem[], width: number, title?: string): StatusFit {
  const room = width - 1;
  const titleCost = title ? displayWidth(title) + 2 : 0;
  const essentialCost = sum(items.filter((item) => item.essential));
  const showTitle = titleCost > 0 && essentialCost + titleCost <= room;
  const budget = room - (showTitle ? titleCost : 0);
  let reserved = Math.min(essentialCost, budget);
  let used = 0;
  const shown: StatusItem[] = [];
  for (const item of items) {
    const cost = itemCost(item);
    if (item.essential) {
      reserved -= cost;
      if (used + cost > budget) continue;
    } else if (used + cost + Math.max(0, reserved) > budget) continue;
    shown.push(item);
    used += cost;
  }
  return { shown, title: showTitle };
}

/** The cells an item takes: its keys, a space, its label and the gap after it. */
export function itemCost(item: StatusItem): number {
  return displayWidth(item.keys) + 1 + displayWidth(item.label) + 2;
}

function sum(items: readonly StatusItem[]): number {
  return items.reduce((total, item) => total + itemCost(item), 0);
}
