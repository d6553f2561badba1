/** New quiz items a day when nothing sets another limit (SWELEARN_NEW_PER_DAY, new-per-day in the config file). */
export const DEFAULT_NEW_PER_DAY = 20;

/** Items in a session when nothing sets another count (--count, count in the config file). */
export const DEFAULT_QUIZ_COUNT = 20;
