// The one output seam (the AWS CDK's CliIoHost is the model). Every command hands it its answer, its
// run's events and its notices; this decides how they are written: text for people, JSON for tools,
// JUnit where it applies. Commands never look at the format; the composition root picks it once.
//
// The JSON rule (docs/output.md): a command that runs over time (run, resume, rollback, failover, drill,
// plan, health --watch) writes JSON lines on stdout, one event or reading per line, its result last; a
// one-shot answer (validate, status, health, explain) is one JSON document. Every value names its
// shape in `type`. Errors and notices go to stderr, as JSON lines under -o json.
import type { NoticeCode } from '../core/codes';
import type { EventSink } from '../core/events';
import { isInteractive, whyNotInteractive, type CliIO, type NotInteractive } from '../core/io';
import { styleFor, type Style } from '../core/style';
import { errorJson, errorText, exitCodeOf } from './error-output';
import { writeJsonDocument, writeJsonLine, writeNoticeLine } from './json-lines';
import { JsonReporter } from './json-reporter';
import type { ChosenReporter, LiveContext } from './run-reporter';
import { WatchScreen } from './watch-screen';

export type OutputFormat = 'text' | 'json' | 'junit';

/** What text is drawn for: its colours and its width (the terminal's, never under 60; 80 in a pipe). */
export interface Screen {
  style: Style;
  width: number;
}

/** How one kind of answer reads in each format. */
export interface View<T> {
  /** The `type` of its JSON, written first. */
  type: string;
  text(value: T, screen: Screen): string;
  json(value: T): object;
  junit?(value: T): string;
}

/** A reading that refreshes (health --watch). */
export interface Watch<T> {
  show(value: T, footer: string): void;
}

/** The width drawn for when the terminal does not say (or there is none: a pipe, a CI log). */
const DEFAULT_WIDTH = 80;

export class Output {
  constructor(
    private readonly io: CliIO,
    readonly format: OutputFormat,
  ) {}

  /**
   * A person at an interactive terminal (outside CI): the only case drctl draws the live view, redraws in
   * place or asks a question. Everything that needs to know asks the host.
   */
  get interactive(): boolean {
    return isInteractive(this.io);
  }

  /** Why not interactive (CI, or no terminal), for the messages that refuse to ask. */
  get whyNotInteractive(): NotInteractive | undefined {
    return whyNotInteractive(this.io);
  }

  /**
   * The terminal can redraw in place (the live view, health --watch): an interactive one that is not
   * TERM=dumb, which has no cursor movement. A dumb terminal still gets questions, as plain prompts.
   */
  get redraws(): boolean {
    return this.interactive && this.io.env.TERM !== 'dumb';
  }

  /** The colours of stderr, where errors, notices and questions go. */
  get errorStyle(): Style {
    return styleFor(this.io.stderr, this.io.env);
  }

  get screen(): Screen {
    const { stdout } = this.io;
    return { style: styleFor(stdout, this.io.env), width: stdout.isTTY && stdout.columns ? Math.max(60, stdout.columns) : DEFAULT_WIDTH };
  }

  /** A one-shot answer: text, one JSON document, or JUnit. */
  answer<T>(view: View<T>, value: T): void {
    if (this.format === 'json') writeJsonDocument(this.io.stdout, { type: view.type, ...view.json(value) });
    else this.write(this.format === 'junit' && view.junit ? view.junit(value) : view.text(value, this.screen));
  }

  /** The end of an answer over time, after its events: text, or the last JSON line. */
  result<T>(view: View<T>, value: T): void {
    if (this.format === 'json') writeJsonLine(this.io.stdout, { type: view.type, ...view.json(value) });
    else this.write(view.text(value, this.screen));
  }

  /** The events of a dry run: a JSON line each; people see the plan at the end instead. */
  events(): EventSink {
    return { emit: this.format === 'json' ? (event) => writeJsonLine(this.io.stdout, event) : () => undefined };
  }

  /** A run as it happens: JSON lines; the live view on an interactive terminal (when `live` is given); plain lines otherwise. */
  async runReporter(live?: LiveContext): Promise<ChosenReporter> {
    const done = async () => undefined;
    if (this.format === 'json') return { reporter: new JsonReporter(this.io), close: done };
    if (live && this.redraws) {
      // ink is loaded here only: plain and JSON output never pay for it.
      const { createLiveReporter } = await import('./live-reporter');
      const view = createLiveReporter(this.io, live);
      return { reporter: view, operator: view.operator, close: view.close };
    }
    // Loaded by the commands that run something: validate and status never pay for it.
    const { PlainReporter } = await import('./plain-reporter');
    return { reporter: new PlainReporter(this.io), close: done };
  }

  /** Redrawn in place on a terminal, a block per reading otherwise, a JSON line per reading under json. */
  watch<T>(view: View<T>): Watch<T> {
    if (this.format === 'json') return { show: (value) => writeJsonLine(this.io.stdout, { type: view.type, ...view.json(value) }) };
    const screen = new WatchScreen(this.io, this.redraws);
    return { show: (value, footer) => screen.show(`${view.text(value, this.screen)}\n${this.screen.style.dim(footer)}`) };
  }

  /** A warning or notice for the person, on stderr (the answer on stdout stays clean). */
  notice(code: NoticeCode, message: string): void {
    if (this.format === 'json') writeNoticeLine(this.io.stderr, code, message);
    else this.io.stderr.write(`${message}\n`);
  }

  /** What a command is doing, for a person watching: a line on stdout, or a notice under json. */
  progress(code: NoticeCode, message: string): void {
    if (this.format === 'json') this.notice(code, message);
    else this.write(message);
  }

  /** Text that is the answer as it stands: a report in its own format, the schema, a world file. */
  write(text: string): void {
    this.io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** A user-facing error (DrctlError) or a bug, on stderr; returns the exit code. */
  error(error: unknown): number {
    if (this.format === 'json') writeJsonLine(this.io.stderr, errorJson(error));
    else this.io.stderr.write(`${errorText(error, this.errorStyle)}\n`);
    return exitCodeOf(error);
  }
}

export function createOutput(io: CliIO, asked: string): Output {
  return new Output(io, asked === 'json' || asked === 'junit' ? asked : 'text');
}
