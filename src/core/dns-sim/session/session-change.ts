import { readScheduleEntry, type ScheduleEntry } from '../world-config/schedule.js';
import type { FieldReader } from '../world-config/field-reader.js';

/**
 * Reads a change step's `change:` in the schedule's format (servers.yaml `schedule:`, without its `at`, which is the step's):
 * a server's behaviour or round-trip time, or a zone swapped for a `.zone` file that is read later, from the `--world` folder.
 */
export function readChangeStep(value: unknown, atMs: number | undefined, index: number, ctx: FieldReader): ScheduleEntry | undefined {
  const path = [index, 'change'];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return void ctx.fail(path, "change takes a mapping in the schedule's format, such as { server: ns1.example.com, behaviour: drop }");
  }
  if ('at' in value) return void ctx.fail([...path, 'at'], "'at' belongs to the step, beside 'change', not inside it");
  if (atMs === undefined) return void ctx.fail([index], "a change step needs 'at': when the change happens, from the start of the session");
  return readScheduleEntry({ ...value, at: `${atMs}ms` }, path, ctx);
}
