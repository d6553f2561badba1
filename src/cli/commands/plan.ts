import { formatMinutes } from '../../core/cards/duration.js';
import type { PlanStep, StudyPlan } from '../../core/quiz/progress/planner.js';
import { planStudySession } from '../../app/study/study-plan.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../../app/errors.js';
import { textLayout } from '../format/layout.js';
import { settingHint } from '../format/setting-hint.js';
import { parseCommand } from '../parse-flags.js';
import { paint } from '../quiz/paint.js';
import { studyContext } from '../study-context.js';
import { PLAN } from '../table/study-commands.js';
import { stripControl } from '../../core/text/sanitize.js';

/** How plan's text is laid out, and what it says about the daily limit of new items. */
export interface PlanTextOptions {
  colour: boolean;
  width: number;
  newPerDay: number;
  /** Where the limit is set, for the notes that suggest changing it. */
  newPerDaySetting: string;
}

/** `swelearn plan`: what to do in the minutes you have, from due items, unread cards and weak spots. */
export async function runPlan(argv: string[], ctx: CliContext): Promise<number> {
  const args = parseCommand(PLAN, argv);
  if (args.positionals.length > 0) throw new UsageError(`plan takes no arguments, got "${stripControl(args.positionals[0]!)}"`, args.usage);
  const minutes = args.integer('minutes') ?? 20;
  const nowMs = ctx.environment.clock().now();
  const interview = args.text('interview');
  const interviewAtMs = interview === undefined ? undefined : parseInterviewDate(interview, nowMs, args.usage);
  const { plan, newPerDay } = await planStudySession(studyContext(ctx), { minutes, ...(interviewAtMs === undefined ? {} : { interviewAtMs }) }, nowMs);
  if (args.has('json')) ctx.out(`${JSON.stringify(plan, null, 2)}\n`);
  else ctx.out(planText(plan, { colour: ctx.color, width: textLayout(ctx, args.integer('width'), 100).width, newPerDay, newPerDaySetting: settingHint(ctx.environment, 'newPerDay') }));
  return 0;
}

function parseInterviewDate(value: string, nowMs: number, usage: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const date = match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : undefined;
  if (!match || !date || date.getMonth() !== Number(match[2]) - 1 || date.getDate() !== Number(match[3])) {
    throw new UsageError(`--interview takes a date like 2026-12-15, got "${stripControl(value)}"`, usage);
  }
  const today = new Date(nowMs);
  today.setHours(0, 0, 0, 0);
  if (date.getTime() < today.getTime()) throw new UsageError(`--interview ${stripControl(value)} is in the past`, usage);
  return date.getTime();
}

/** The plan as numbered steps with the command that starts each, its notes wrapped to the width. */
export function planText(plan: StudyPlan, options: PlanTextOptions): string {
  const { one, block } = paint(options.colour);
  const { newPerDay, newPerDaySetting } = options;
  const note = (text: string) => block([{ text }], options.width, 0);
  const lines = [`${one(`Plan for ${formatMinutes(plan.minutes)}`, { bold: true })} (${formatMinutes(plan.plannedMinutes)} planned, about ${plan.secondsPerItem} s per quiz item)`];
  if (plan.steps.length === 0) lines.push(block([{ text: 'Nothing to do: no item is due, every card has been started, and no card is weak. Come back tomorrow, or practise with swelearn quiz --cram.' }], options.width));
  plan.steps.forEach((step, index) => lines.push(...stepLines(step, index + 1, one)));
  if (plan.dueLeft > 0) lines.push('', note(`${plan.dueLeft} more due item${plan.dueLeft === 1 ? '' : 's'} did not fit; they stay due for the next session.`));
  const limit = plan.newItems;
  if (limit.heldBack > 0) {
    const used = limit.usedToday > 0 ? `, ${limit.usedToday} already met today` : '';
    const holds = limit.planned > 0 ? `it holds ${limit.planned} new item${limit.planned === 1 ? '' : 's'}, and` : 'it holds no new item, and';
    lines.push('', note(`The daily limit of new items shaped this plan (${limit.perDay} a day${used}): ${holds} ${limit.heldBack} more would fit in the time. To change the limit: ${newPerDaySetting}.`));
  } else if (plan.unreadCards > 0 && !plan.steps.some((step) => step.kind === 'read')) {
    lines.push('', note(`${plan.unreadCards} card${plan.unreadCards === 1 ? '' : 's'} not started yet; none fits in the time left${limit.perDay === 0 ? ` (the daily limit of new items is 0: ${newPerDaySetting})` : ''}.`));
  }
  if (plan.interview) {
    const { date, daysLeft, unreadMinutes, minutesPerDayNeeded } = plan.interview;
    lines.push('', block([{ text: 'Interview', style: { bold: true } }, { text: ` on ${date}: ${daysLeft === 0 ? 'today' : `${daysLeft} day${daysLeft === 1 ? '' : 's'} left`}. ${plan.unreadCards} unread card${plan.unreadCards === 1 ? '' : 's'} (${formatMinutes(unreadMinutes)} with their quizzes) and the due reviews need about ${formatMinutes(minutesPerDayNeeded)} a day.` }], options.width, 0));
    if (minutesPerDayNeeded > plan.minutes) {
      lines.push(block([{ text: `At ${formatMinutes(plan.minutes)} a day you will not cover everything: study longer, or raise the daily limit of new items (now ${newPerDay}): ${newPerDaySetting}.`, style: { colour: 'yellow' } }], options.width, 0));
    }
  }
  return `${lines.join('\n')}\n`;
}

function stepLines(step: PlanStep, number: number, one: ReturnType<typeof paint>['one']): string[] {
  const time = one(`~${formatMinutes(Math.max(1, step.minutes))}`, { dim: true });
  const command = (text: string) => one(`       ${text}`, { dim: true });
  switch (step.kind) {
    case 'review':
      return [`  ${number}. Review ${step.items} due item${step.items === 1 ? '' : 's'} ${time}`, command(step.command)];
    case 'read':
      return [`  ${number}. Read ${step.cardId} (${step.difficulty}, ${formatMinutes(step.readMinutes)}), then quiz its ${step.quizItems} new item${step.quizItems === 1 ? '' : 's'} ${time}`, ...step.commands.map(command)];
    case 'refresh':
      return [`  ${number}. Refresh ${step.cardId}: recall is down to ${Math.round(step.recall * 100)}% over ${step.items} item${step.items === 1 ? '' : 's'} ${time}`, command(step.command)];
  }
}
