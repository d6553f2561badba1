import { formatMinutes } from '../../core/cards/duration.js';
import type { PlanStep, StudyPlan } from '../../core/quiz/progress/planner.js';
import { planStudySession } from '../../app/study/study-plan.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../../app/errors.js';
import { usageOf } from '../help.js';
import { parseFlags, positiveInteger } from '../parse-flags.js';
import { paint } from '../quiz/paint.js';
import { studyContext } from '../study-context.js';
import { stripControl } from '../../core/text/sanitize.js';

/** `swelearn plan`: what to do in the minutes you have, from due items, unread cards and weak spots. */
export async function runPlan(argv: string[], ctx: CliContext): Promise<number> {
  const usage = usageOf('plan');
  const { values, positionals } = parseFlags(argv, { minutes: { type: 'string' }, interview: { type: 'string' }, json: { type: 'boolean' } }, usage);
  if (positionals.length > 0) throw new UsageError(`plan takes no arguments, got "${stripControl(positionals[0]!)}"`, usage);
  const minutes = positiveInteger(values.minutes, '--minutes', usage) ?? 20;
  if (minutes > 24 * 60) throw new UsageError(`--minutes takes at most ${24 * 60}, got ${minutes}`, usage);
  const nowMs = ctx.environment.clock().now();
  const interviewAtMs = values.interview === undefined ? undefined : parseInterviewDate(values.interview, nowMs, usage);
  const { plan, newPerDay } = await planStudySession(studyContext(ctx), { minutes, ...(interviewAtMs === undefined ? {} : { interviewAtMs }) }, nowMs);
  if (values.json) ctx.out(`${JSON.stringify(plan, null, 2)}\n`);
  else ctx.out(planText(plan, ctx.color, newPerDay));
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
  if (date.getTime() < today.getTime()) throw new UsageError(`--interview ${value} is in the past`, usage);
  return date.getTime();
}

/** The plan as numbered steps with the command that starts each. */
export function planText(plan: StudyPlan, colour: boolean, newPerDay: number): string {
  const { one } = paint(colour);
  const lines = [`${one(`Plan for ${formatMinutes(plan.minutes)}`, { bold: true })} (${formatMinutes(plan.plannedMinutes)} planned, about ${plan.secondsPerItem} s per quiz item)`];
  if (plan.steps.length === 0) lines.push('  Nothing to do: no item is due, every card has been started, and no card is weak. Come back tomorrow, or practise with swelearn quiz --cram.');
  plan.steps.forEach((step, index) => lines.push(...stepLines(step, index + 1, one)));
  if (plan.dueLeft > 0) lines.push('', `${plan.dueLeft} more due item${plan.dueLeft === 1 ? '' : 's'} did not fit; they stay due for the next session.`);
  if (plan.unreadCards > 0 && !plan.steps.some((step) => step.kind === 'read')) {
    lines.push('', `${plan.unreadCards} card${plan.unreadCards === 1 ? '' : 's'} not started yet; none fits in the time left${newPerDay === 0 ? ' (SWELEARN_NEW_PER_DAY is 0)' : ''}.`);
  }
  if (plan.interview) {
    const { date, daysLeft, unreadMinutes, minutesPerDayNeeded } = plan.interview;
    lines.push('', `${one('Interview', { bold: true })} on ${date}: ${daysLeft === 0 ? 'today' : `${daysLeft} day${daysLeft === 1 ? '' : 's'} left`}. ${plan.unreadCards} unread card${plan.unreadCards === 1 ? '' : 's'} (${formatMinutes(unreadMinutes)} with their quizzes) and the due reviews need about ${formatMinutes(minutesPerDayNeeded)} a day.`);
    if (minutesPerDayNeeded > plan.minutes) lines.push(one(`At ${formatMinutes(plan.minutes)} a day you will not cover everything: study longer, or raise SWELEARN_NEW_PER_DAY (now ${newPerDay}).`, { colour: 'yellow' }));
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
