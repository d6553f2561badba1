import type { RecordEntries } from '../../core/quiz/session/record.js';
import type { ReviewLogWriter } from '../../io/progress/review-log-writer.js';

/** A recorder over the log writer; without one every answer is reported as not saved. */
export function makeRecorder(writer: ReviewLogWriter | undefined, notSavingBecause = 'saving is off'): RecordEntries {
  return (entries) => (writer ? writer.append(entries) : { ok: false, reason: notSavingBecause });
}
