import { readScheduleEntry, type ScheduleEntry } from '../world-config/schedule.js';
import type { FieldReader } from '../world-config/field-reader.js';

/**
 * Reads a change step's `change:` in the schedule's format (servers.yaml `schedule:`, without its `at`, which is the step's):
 * a server's behaviour or round-trip time. A zone swap is refused: its file is read with the world, so it belongs in the schedule.
 */
export function readChangeStep(value: unknown, atMs: number | undefined, index: number, ctx: FieldReader): ScheduleEntry | undefined {
  const path = [index, 'change'];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return void ctx.fail(path, "change takes a mapping in the schedule's format, such as { server: ns1.example.com, behaviour: drop }");
  }
  if ('at' in value) return void ctx.fail([...path, 'at'], "'at' belongs to the step, beside 'change', not inside it");
  if (atMs === undefined) return void ctx.fail([index], "a change step needs 'at': when the change happens, from the start of the session");
  if ('zone' in value) return void ctx.fail([...path, 'zone'], "a session changes servers only: a zone swap's file is read with the world, so it goes in servers.yaml's schedule");
  return readScheduleEntry({ ...value, at: `${atMs}ms` }, path, ctx);
}
