// The question on screen, as text: what is asked, the keys that answer it, and what was typed so far.
// The question itself may wrap (it must be read in full); the key hints are cut to the width.
import type { Style } from '../../core/style';
import { firstFitting } from './text';
import type { Question } from './live-store';

export interface PromptLines {
  /** Word-wrapped to the width by the view: it must be read in full. */
  question: string;
  /** One line each, already fitted. */
  rest: string[];
}

function approvalPrompt(question: Extract<Question, { kind: 'approval' }>, width: number, style: Style): PromptLines {
  const { request, typed, complaint } = question;
  const what = request.stepId === '(run)' ? 'start' : request.stepId;
  const rest: string[] = [];
  if (request.confirmText === undefined) {
    rest.push(firstFitting([`  ${style.bold('y')}/Enter approve · ${style.bold('n')}/Esc deny`, '  y approve · n deny'], width));
  } else {
    rest.push(firstFitting([`  type ${style.bold(request.confirmText)} and press Enter to approve · Esc to deny`, `  type ${request.confirmText}, Enter · Esc deny`], width));
    rest.push(`  ${style.cyan('>')} ${typed}█`);
    if (complaint) rest.push(style.red(firstFitting([`  ${complaint}`, '  does not match'], width)));
  }
  return { question: `${style.yellow('?')} ${style.bold(what)}: ${request.message}`, rest };
}

function stepPrompt(question: Extract<Question, { kind: 'step' }>, width: number, style: Style): PromptLines {
  const { stepId, uses, summary, phase, warning } = question.question;
  const rollback = phase === 'rollback' ? ' (rollback)' : '';
  const run = warning ? 'run anyway' : 'run';
  const keys = [
    `  ${style.bold('y')} ${run} · ${style.bold('s')} skip · ${style.bold('a')} run all remaining · ${style.bold('q')} abort`,
    `  y ${run} · s skip · a all · q abort`,
  ];
  const said = `${style.yellow('?')} run step ${style.bold(stepId)}${rollback} (${uses}): ${summary}?`;
  return { question: warning ? `${said}\n${style.red(`  ! ${warning}`)}` : said, rest: [firstFitting(keys, width)] };
}

export function promptLines(questions: readonly Question[], width: number, style: Style): PromptLines | undefined {
  const [first, ...queued] = questions;
  if (!first) return undefined;
  const lines = first.kind === 'approval' ? approvalPrompt(first, width, style) : stepPrompt(first, width, style);
  if (queued.length) lines.rest.push(style.dim(`  (${queued.length} more question${queued.length === 1 ? '' : 's'} waiting)`));
  return lines;
}
