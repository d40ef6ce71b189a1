// The shape of one entry in the code registry (index.ts): what a code means and what to do about it,
// as `drctl explain <code>` prints it. Modelled on the AWS CDK toolkit's message registry and
// `rustc --explain`: the code is the key, so a code cannot be raised without an entry (see errors.ts).

/** error: drctl stopped or a run failed; warning: something to look at; notice: for information. */
export type CodeLevel = 'error' | 'warning' | 'notice';

export interface CodeInfo {
  level: CodeLevel;
  /** One line: what happened, in the user's terms. */
  meaning: string;
  /** One line: what to do about it. */
  action: string;
}

type Entries = Record<string, Omit<CodeInfo, 'level'>>;

const stamp = <T extends Entries>(level: CodeLevel, entries: T): { [K in keyof T]: CodeInfo } =>
  Object.fromEntries(Object.entries(entries).map(([code, entry]) => [code, { level, ...entry }])) as { [K in keyof T]: CodeInfo };

/** A table of error codes: each key is a code drctl may raise. */
export const errorCodes = <T extends Entries>(entries: T) => stamp('error', entries);
export const warningCodes = <T extends Entries>(entries: T) => stamp('warning', entries);
export const noticeCodes = <T extends Entries>(entries: T) => stamp('notice', entries);
