// How the operator answers. On an interactive terminal: a prompt (type the target region for a mutating
// runbook). With --yes: every approval is given and journaled as by "--yes". Without either drctl never
// prompts: it fails at once and names the flag to pass.
import { createInterface, type Interface } from 'node:readline';
import type { ApprovalAnswer, ApprovalRequest, OperatorPort, StepQuestion } from '../core/operator';
import type { CliIO, NotInteractive } from '../core/io';
import type { StepDecision } from '../core/events';
import { DrctlError, ExitCode } from '../core/errors';
import { formatDuration } from '../core/duration';
import type { Style } from '../core/style';
import { DENIED } from './approval-words';

/** ", and there is no terminal to ask on", or that CI is set (a CI runner may give drctl a terminal). */
function cannotAsk(why: NotInteractive | undefined): { reason: string; instead: string } {
  if (why?.because === 'ci') return { reason: `CI is set (CI=${why.ci}), and drctl asks no questions in CI`, instead: 'or, at a terminal of your own, unset CI to be asked' };
  return { reason: 'there is no terminal to ask on', instead: 'or run it in a terminal' };
}

export function needsYes(what: string, why: NotInteractive | undefined): DrctlError {
  const { reason, instead } = cannotAsk(why);
  return new DrctlError('cli.needs-yes', `${what}, and ${reason}`, `Pass --yes to approve in automation (approvals are journaled as given by "--yes"), ${instead}.`, {
    exitCode: ExitCode.invalidInput,
  });
}

export function needsTty(why: NotInteractive | undefined): DrctlError {
  const { reason, instead } = cannotAsk(why);
  return new DrctlError('cli.needs-tty', `--step asks before every step, and ${reason}`, `Leave out --step, ${instead}.`, { exitCode: ExitCode.invalidInput });
}

/** Whether a person is at the terminal (and why not), and the colours of its stderr: the output host says. */
export interface Terminal {
  interactive: boolean;
  whyNot?: NotInteractive;
  style: Style;
}

/** The operator for this command: --yes, a terminal prompt, or one that refuses at once. */
export function chooseOperator(io: CliIO, yes: boolean, terminal: Terminal): OperatorPort {
  const prompt = terminal.interactive ? new TerminalPrompt(io, terminal.style) : undefined;
  return {
    approve: async (request, signal) => {
      if (yes) return { approved: true, by: '--yes' };
      if (!prompt) throw needsYes(`"${request.stepId}" needs an approval`, terminal.whyNot);
      return prompt.approve(request, signal);
    },
    confirmStep: async (question, signal) => {
      if (!prompt) throw needsTty(terminal.whyNot);
      return prompt.confirmStep(question, signal);
    },
  };
}

const DECISIONS: Record<string, StepDecision> = { y: 'run', yes: 'run', n: 'skip', no: 'skip', c: 'continue', continue: 'continue', q: 'quit', quit: 'quit' };

type Ask = (text: string) => Promise<string>;

export class TerminalPrompt {
  // One question at a time, even when parallel steps ask together.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly io: CliIO,
    /** The colours of stderr, where the questions are asked. */
    private readonly style: Style,
  ) {}

  approve(request: ApprovalRequest, signal: AbortSignal): Promise<ApprovalAnswer> {
    return this.withReadline(signal, async (ask) => {
      const { style } = this;
      const limit = request.timeoutMs ? style.dim(` (answer within ${formatDuration(request.timeoutMs)})`) : '';
      this.io.stderr.write(`\n${style.yellow('?')} ${style.bold(request.message)}${limit}\n`);
      const answer = (await ask(request.confirmText ? `  Type ${style.bold(request.confirmText)} to approve, anything else to refuse: ` : '  Approve? [y/N] ')).trim();
      const approved = request.confirmText ? answer === request.confirmText : /^y(es)?$/i.test(answer);
      return { approved, by: this.operatorName(), reason: approved ? undefined : DENIED };
    });
  }

  confirmStep(question: StepQuestion, signal: AbortSignal): Promise<StepDecision> {
    return this.withReadline(signal, async (ask) => {
      const { style } = this;
      this.io.stderr.write(`\n${style.yellow('?')} ${style.bold(`step ${question.stepId}`)} (${question.uses}): ${question.summary}\n`);
      if (question.warning) this.io.stderr.write(`${style.red(`  ! ${question.warning}`)}\n`);
      for (;;) {
        const decision = DECISIONS[(await ask('  Run it? [y]es / [n]o, skip it / [c]ontinue without asking / [q]uit: ')).trim().toLowerCase()];
        if (decision) return decision;
      }
    });
  }

  private operatorName(): string {
    return this.io.env.USER ?? this.io.env.USERNAME ?? 'operator';
  }

  /**
   * One readline for one question (re-asks included, so lines typed ahead are kept), closed after it so
   * stdin does not keep the process alive; questions wait their turn.
   */
  private withReadline<T>(signal: AbortSignal, work: (ask: Ask) => Promise<T>): Promise<T> {
    const run = async () => {
      const readline = createInterface({ input: this.io.stdin, output: this.io.stderr, terminal: Boolean(this.io.stdin.isTTY) });
      const lines = new LineQueue(readline);
      const ask: Ask = (text) => {
        this.io.stderr.write(text);
        return lines.next(signal);
      };
      try {
        return await work(ask);
      } finally {
        readline.close();
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** Lines from a readline, in order, whether they arrive before or after they are asked for. */
class LineQueue {
  private readonly lines: string[] = [];
  private waiting: { resolve: (line: string) => void; reject: (error: unknown) => void } | undefined;
  private closed = false;

  constructor(readline: Interface) {
    readline.on('line', (line: string) => {
      const waiting = this.waiting;
      this.waiting = undefined;
      if (waiting) waiting.resolve(line);
      else this.lines.push(line);
    });
    readline.on('close', () => {
      this.closed = true;
      this.waiting?.reject(noAnswer());
    });
  }

  next(signal: AbortSignal): Promise<string> {
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    return new Promise<string>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      if (this.closed) return reject(noAnswer());
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting = {
        resolve: (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        reject,
      };
    });
  }
}

function noAnswer(): DrctlError {
  return new DrctlError('cli.no-answer', 'the terminal closed before the question was answered', 'Answer the question, or pass --yes in automation.', { exitCode: ExitCode.aborted });
}
