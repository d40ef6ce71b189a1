// User-facing errors. Every one has a stable code, a message and a hint that says what to do next;
// runbook problems also say where (file:line:col). Bugs are not DrctlErrors: they surface with a stack.
// Codes come from the registry (./codes): a code that is not registered does not compile.
import type { ErrorCode } from './codes';

export type { ErrorCode } from './codes';

export const ExitCode = {
  ok: 0,
  runFailed: 1,
  invalidInput: 2,
  aborted: 3,
  objectivesMissed: 4,
  /** A change was made or may have been made, and drctl could not read whether it completed. */
  outcomeUnknown: 5,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export interface Problem {
  code: ErrorCode;
  message: string;
  hint?: string;
  location?: SourceLocation;
}

/**
 * A problem as a journal or a report holds it. Read back from a file, its code may come from another
 * version of drctl, so it is any string; what drctl raises is a Problem.
 */
export type ProblemRecord = Omit<Problem, 'code'> & { code: string };

export interface DrctlErrorOptions {
  location?: SourceLocation;
  exitCode?: ExitCode;
  /** true when the operation may succeed if simply tried again (throttling, 5xx, network). */
  retryable?: boolean;
  /**
   * true when the request may have reached the service and taken effect although it failed (a connection
   * reset after sending, a timeout, a 5xx): a mutating call that failed so is never sent again blindly.
   */
  outcomeUnknown?: boolean;
  cause?: unknown;
}

export class DrctlError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  readonly location?: SourceLocation;
  readonly exitCode: ExitCode;
  readonly retryable: boolean;
  readonly outcomeUnknown: boolean;

  constructor(code: ErrorCode, message: string, hint: string, options: DrctlErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DrctlError';
    this.code = code;
    this.hint = hint;
    this.location = options.location;
    this.exitCode = options.exitCode ?? ExitCode.invalidInput;
    this.retryable = options.retryable ?? false;
    this.outcomeUnknown = options.outcomeUnknown ?? false;
  }

  toProblem(): Problem {
    return { code: this.code, message: this.message, hint: this.hint, location: this.location };
  }
}

/** Several problems found at once (a runbook with many mistakes). */
export class ProblemsError extends DrctlError {
  readonly problems: Problem[];
  constructor(problems: Problem[], summary: string) {
    const first = problems[0];
    super(first?.code ?? 'runbook.invalid', summary, first?.hint ?? 'Fix the problems listed above.', {
      location: first?.location,
    });
    this.problems = problems;
  }
}

export function isDrctlError(error: unknown): error is DrctlError {
  return error instanceof DrctlError;
}

export function formatLocation(location: SourceLocation | undefined): string {
  if (!location) return '';
  return `${location.file}:${location.line}:${location.column}`;
}
