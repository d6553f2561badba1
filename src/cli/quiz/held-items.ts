import { applyItemAction } from '../../app/study/item-actions.js';
import { loadStudyStats } from '../../app/study/study-data.js';
import type { ItemAction } from '../../core/quiz/progress/log-entry.js';
import { localDayKey } from '../../core/quiz/progress/days.js';
import { isHeld } from '../../core/quiz/progress/tracks.js';
import type { HeldItem } from '../../core/quiz/progress/track-stats.js';
import { oneLine } from '../../core/quiz/session/summary.js';
import type { CliContext } from '../context.js';
import { studyContext } from '../study-context.js';

const REASONS: Record<HeldItem['reason'], string> = { suspended: 'suspended', leech: 'leech', buried: 'buried today' };

/** `swelearn quiz --suspended`: the items held back, one per line (id, reason, since when, card file:line, text), or a JSON array. */
export async function listHeldItems(ctx: CliContext, json: boolean): Promise<number> {
  const nowMs = ctx.environment.clock().now();
  const { held } = await loadStudyStats(studyContext(ctx), nowMs);
  if (json) {
    const rows = held.map(({ itemId, cardId, reason, sinceMs, lapses, path, line, text }) => ({ id: itemId, card: cardId, reason, since: new Date(sinceMs).toISOString(), lapses, source: path === undefined ? null : { path, line }, text }));
    ctx.out(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  if (held.length === 0) {
    ctx.out('No item is suspended or buried.\n');
    return 0;
  }
  for (const item of held) {
    const where = item.path === undefined ? item.cardId : `${item.path}:${item.line}`;
    ctx.out(`${item.itemId}  ${REASONS[item.reason]}${item.reason === 'leech' ? ` (${item.lapses} lapses)` : ''} since ${localDayKey(item.sinceMs)}  ${where}  ${oneLine(item.text)}\n`);
  }
  ctx.out(`${held.length} item${held.length === 1 ? '' : 's'} held back; swelearn quiz --unsuspend ID brings one back\n`);
  return 0;
}

const DONE: Record<ItemAction, string> = {
  suspend: 'suspended: it is not asked until swelearn quiz --unsuspend',
  unsuspend: 'is back: it is asked again when it is due',
  bury: 'buried: it is not asked again today',
};

/** `swelearn quiz --suspend|--unsuspend|--bury ID`: one log entry for one item, and a line (or a JSON object) saying what changed. */
export async function actOnItem(ctx: CliContext, action: ItemAction, id: string, json: boolean): Promise<number> {
  const nowMs = ctx.environment.clock().now();
  const { item, entry, before } = await applyItemAction(studyContext(ctx), id, action, nowMs);
  const was = !isHeld(before, nowMs) ? null : before?.suspended ? (before.suspended.by === 'leech' ? 'leech' : 'suspended') : 'buried';
  if (json) ctx.out(`${JSON.stringify({ action, item: item.id, entry: entry.id, was })}\n`);
  else ctx.out(`${item.id} ${DONE[action]}${action === 'unsuspend' && was === 'leech' ? ' (it stays marked a leech in swelearn stats)' : ''}\n`);
  return 0;
}
