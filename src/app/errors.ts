// The simulator, study and app bundles each carry their own copy of these classes, so errors are
// recognised by a global symbol brand rather than by instanceof, which fails across bundles.
const USAGE = Symbol.for('swelearn.usage-error');
const USER = Symbol.for('swelearn.user-error');

/** A mistake in how the command was called: printed as one line plus usage, exit 2. */
export class UsageError extends Error {
  readonly [USAGE] = true;
  constructor(message: string, readonly usage?: string) {
    super(message);
    this.name = 'UsageError';
  }

  /** Whether a value is a UsageError from any of swelearn's bundles. */
  static is(value: unknown): value is UsageError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[USAGE] === true;
  }
}

/** A problem the user can fix (a missing file, a bad card folder): printed as one line, exit 1. */
export class UserError extends Error {
  readonly [USER] = true;
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = 'UserError';
  }

  /** Whether a value is a UserError from any of swelearn's bundles. */
  static is(value: unknown): value is UserError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[USER] === true;
  }
}
