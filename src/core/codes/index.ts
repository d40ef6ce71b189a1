// The registry of every code drctl raises or prints: errors, warnings, notices and status flags, each with
// a one-line meaning and what to do (`drctl explain <code>` prints it). DrctlError takes an ErrorCode, so
// raising an unregistered code does not compile; test/core/codes.test.ts scans the sources for code
// literals that are not registered, and for entries nothing raises.
//
// To add a code: add a line to the table of its area (or a new table, spread in below). Importing the
// tables costs start-up time, so code that only raises errors imports the types (`import type`).
import { actionCodes } from './actions';
import { awsCodes } from './aws';
import type { CodeInfo } from './define';
import { cliCodes, commandCodes } from './commands';
import { engineCodes, journalCodes } from './engine';
import { noticesRaised, warningsRaised } from './notices';
import { inputCodes, runbookCodes, validateCodes } from './runbook';
import { readCodes, statusFlagCodes } from './status';

export type { CodeInfo, CodeLevel } from './define';

export const ERROR_CODES = {
  ...cliCodes,
  ...commandCodes,
  ...runbookCodes,
  ...inputCodes,
  ...validateCodes,
  ...engineCodes,
  ...journalCodes,
  ...actionCodes,
  ...awsCodes,
  ...readCodes,
};

export const NOTICE_CODES = { ...warningsRaised, ...noticesRaised };

export const CODES: Readonly<Record<string, CodeInfo>> = { ...ERROR_CODES, ...NOTICE_CODES, ...statusFlagCodes };

/** A code a DrctlError (or a Problem) may carry. */
export type ErrorCode = keyof typeof ERROR_CODES;
/** A code of a warning or notice the operator is told about without stopping. */
export type NoticeCode = keyof typeof NOTICE_CODES;
/** A flag `drctl status` puts on a resource. */
export type StatusFlagCode = keyof typeof statusFlagCodes;

export function codeInfo(code: string): CodeInfo | undefined {
  return Object.hasOwn(CODES, code) ? CODES[code] : undefined;
}
