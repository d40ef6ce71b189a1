// What a key press means for the question on screen. Pure, so every answer path is tested without a
// terminal. A confirmation text (the target region) must be typed in full: a reflex cannot start a
// failover. Ctrl-C is never an answer: it goes to the command as SIGINT (raw mode swallows the signal).
import type { ApprovalAnswer } from '../../core/operator';
import type { StepDecision } from '../../core/events';
import type { Question } from './live-store';
import { DENIED } from '../approval-words';

/** The subset of ink's Key the prompts read. */
export interface KeyPress {
  return?: boolean;
  escape?: boolean;
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
}

export type KeyOutcome =
  | { kind: 'interrupt' }
  | { kind: 'typing'; typed: string; complaint?: string }
  | { kind: 'approval'; answer: ApprovalAnswer }
  | { kind: 'decision'; decision: StepDecision }
  | { kind: 'ignored' };

const STEP_KEYS: Record<string, StepDecision> = { y: 'run', s: 'skip', a: 'continue', q: 'quit' };

const printable = (input: string) => [...input].filter((char) => char >= ' ' && char !== '\u007f').join('');

function approvalKey(question: Extract<Question, { kind: 'approval' }>, input: string, key: KeyPress, by: string): KeyOutcome {
  const approve: KeyOutcome = { kind: 'approval', answer: { approved: true, by } };
  const deny: KeyOutcome = { kind: 'approval', answer: { approved: false, by, reason: DENIED } };
  const expected = question.request.confirmText;
  if (key.escape) return deny;
  if (expected === undefined) {
    if (key.return || input.toLowerCase() === 'y') return approve;
    return input.toLowerCase() === 'n' ? deny : { kind: 'ignored' };
  }
  const { typed } = question;
  if (key.return) {
    if (typed.trim() === expected) return approve;
    return { kind: 'typing', typed, complaint: `type ${expected} exactly to approve, or press Esc to deny` };
  }
  if (key.backspace || key.delete) return { kind: 'typing', typed: [...typed].slice(0, -1).join('') };
  // `n` on an empty line denies, unless the text to type itself starts with n.
  if (typed === '' && input.toLowerCase() === 'n' && !expected.toLowerCase().startsWith('n')) return deny;
  const added = printable(input);
  return added ? { kind: 'typing', typed: typed + added } : { kind: 'ignored' };
}

export function questionKey(question: Question, input: string, key: KeyPress, by: string): KeyOutcome {
  if (key.ctrl && input === 'c') return { kind: 'interrupt' };
  if (question.kind === 'approval') return approvalKey(question, input, key, by);
  const decision = STEP_KEYS[input.toLowerCase()];
  return decision ? { kind: 'decision', decision } : { kind: 'ignored' };
}

const CONTROL_KEYS: Record<string, [string, KeyPress]> = {
  '\r': ['', { return: true }],
  '\n': ['', { return: true }],
  '\u007f': ['', { backspace: true }],
  '\b': ['', { backspace: true }],
  '\u0003': ['c', { ctrl: true }],
  '\u001b': ['', { escape: true }],
};

/**
 * ink hands over a burst of plain keys (fast typing, a paste, tmux send-keys) as one input string, with
 * Enter or Backspace inside it. Split it back into single key presses, in order.
 */
export function keyPresses(input: string, key: KeyPress): Array<[string, KeyPress]> {
  const chars = [...input];
  const special = key.return || key.escape || key.backspace || key.delete || key.ctrl;
  if (chars.length <= 1 || special) return [[input, key]];
  return chars.map((char) => CONTROL_KEYS[char] ?? [char, {}]);
}
