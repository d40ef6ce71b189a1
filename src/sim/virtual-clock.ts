// Virtual time for in-process simulation (`--sim`): a discrete-event clock shared by the engine, the
// actions' polling, the approvals' timeouts and the world. Time stands still while drctl works and jumps
// to the next sleeper's deadline only when every task is waiting on the clock, so drctl's own CPU time,
// its renderer and the machine's load never reach a simulated figure. src/sim/README.md explains how
// "every task is waiting" is known (holds for work in flight, then a few quiet turns of the event loop).
import type { ClockHold } from '../core/clock';
import type { SimClock } from './clock';
import { SleeperQueue, type Sleeper } from './sleeper-queue';

export interface VirtualClockOptions {
  /** Simulated start (ms since the epoch); defaults to the real now. */
  start?: number;
  /**
   * Watch at this pace: simulated ms per real ms (30 shows a 3-minute failover in 6 s). The jumps are
   * spread over real time; what happens at each instant, and so every figure, is the same as without it.
   */
  pace?: number;
  /** The real clock, for human pace and --pace (tests pass their own). */
  realNow?: () => number;
}

/** Event-loop turns with nothing new before time may jump (promise chains and immediates settle first). */
const QUIET_TURNS = 3;

// Real I/O that belongs to a task not yet waiting on the clock (a file read, a connection being made).
// Explicit holds cover drctl's AWS calls and journal commits; this is the net under them.
const REAL_IO = /^(FSReq|FileHandle|CloseReq|GetAddrInfoReqWrap|TCPConnectWrap)/;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function realIoPending(): boolean {
  return process.getActiveResourcesInfo().some((resource) => REAL_IO.test(resource));
}

/** Time flowing with real time: while a person answers (rate 1), or between jumps under --pace. */
interface Flow {
  simBase: number;
  realBase: number;
  rate: number;
  /** Flowing time stops here (the next deadline under --pace). */
  cap: number;
}

export class VirtualClock implements SimClock, ClockHold {
  readonly simulated = true;
  readonly pace: number | undefined;
  private current: number;
  private readonly sleepers = new SleeperQueue();
  private readonly realNow: () => number;
  private holds = 0;
  private humans = 0;
  private flow: Flow | undefined;
  /** Bumped by everything a task does with the clock; a change means "not quiet yet". */
  private activity = 0;
  private running = false;
  private nudge: (() => void) | undefined;

  constructor(options: VirtualClockOptions = {}) {
    if (options.pace !== undefined && !(options.pace > 0 && Number.isFinite(options.pace))) throw new RangeError(`pace must be a positive number, got ${options.pace}`);
    this.realNow = options.realNow ?? (() => performance.now());
    this.current = options.start ?? Date.now();
    this.pace = options.pace;
  }

  now(): number {
    const flow = this.flow;
    if (!flow) return this.current;
    return Math.min(flow.cap, Math.floor(flow.simBase + (this.realNow() - flow.realBase) * flow.rate));
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        this.sleepers.remove(sleeper);
        this.touch();
        reject(signal?.reason);
      };
      const sleeper: Sleeper = this.sleepers.push(this.now() + Math.max(0, ms), () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      this.touch();
    });
  }

  /** Work in flight (an AWS call, a journal fsync): time does not move until every hold is released. */
  hold(): () => void {
    this.holds++;
    this.touch();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      this.touch();
    };
  }

  /** A person is being asked: time runs at real time (1:1) until the release is called. */
  atHumanPace(): () => void {
    this.setHumans(this.humans + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.setHumans(this.humans - 1);
    };
  }

  /** The real time, which journals of simulated runs keep beside the simulated. */
  wallNow(): number {
    return Date.now();
  }

  /** Forgets every sleeper: the simulation is over (a leftover timer must not spin through simulated years). */
  close(): void {
    this.sleepers.clear();
    this.touch();
  }

  /** Sleeps still waiting (for tests and the stuck-run check). */
  get pendingSleeps(): number {
    return this.sleepers.size;
  }

  private setHumans(count: number): void {
    const at = this.now();
    this.humans = count;
    this.current = at;
    this.flow = count > 0 ? { simBase: at, realBase: this.realNow(), rate: 1, cap: Number.POSITIVE_INFINITY } : undefined;
    this.touch();
  }

  private touch(): void {
    this.activity++;
    const nudge = this.nudge;
    this.nudge = undefined;
    nudge?.();
    if (!this.running && this.sleepers.size > 0) void this.run();
  }

  /** Wakes sleepers one instant at a time, for as long as anyone sleeps. */
  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.sleepers.size > 0) {
        if (this.humans > 0) await this.flowToNextDeadline();
        else if (await this.quiet()) await this.jumpToNextDeadline();
      }
    } finally {
      this.running = false;
    }
  }

  /** True once nothing is in flight and the event loop has had QUIET_TURNS turns with nothing new. */
  private async quiet(): Promise<boolean> {
    if (this.holds > 0) {
      await this.changed();
      return false;
    }
    const seen = this.activity;
    for (let turn = 0; turn < QUIET_TURNS; turn++) await nextTurn();
    if (this.activity !== seen || this.holds > 0 || this.humans > 0) return false;
    if (realIoPending()) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return false;
    }
    return true;
  }

  private async jumpToNextDeadline(): Promise<void> {
    const next = this.sleepers.peek();
    if (!next) return;
    if (this.pace !== undefined && next.until > this.current) {
      const seen = this.activity;
      const arrived = await this.flowFor(next.until, this.pace);
      // Something happened mid-flight (Ctrl-C, a new sleeper): start again from where time stands.
      if (!arrived || this.activity !== seen) return;
    }
    this.current = Math.max(this.current, next.until);
    this.wakeDue();
  }

  /** While a person answers: real time passes 1:1 and sleepers wake as their deadlines come. */
  private async flowToNextDeadline(): Promise<void> {
    const next = this.sleepers.peek();
    if (!next) return;
    const left = next.until - this.now();
    if (left > 0) await Promise.race([this.changed(), new Promise((resolve) => setTimeout(resolve, left).unref())]);
    if (this.humans > 0 && this.now() >= next.until) {
      this.wakeDue();
    }
  }

  /** Lets time flow at `rate` up to `until`; false when interrupted by activity first. */
  private async flowFor(until: number, rate: number): Promise<boolean> {
    this.flow = { simBase: this.current, realBase: this.realNow(), rate, cap: until };
    let timer: NodeJS.Timeout | undefined;
    const elapsed = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), (until - this.current) / rate)));
    const arrived = await Promise.race([elapsed, this.changed().then(() => false)]);
    clearTimeout(timer);
    if (this.humans === 0) {
      this.current = arrived ? until : this.now();
      this.flow = undefined;
    }
    return arrived;
  }

  private wakeDue(): void {
    const at = this.now();
    for (let next = this.sleepers.peek(); next && next.until <= at; next = this.sleepers.peek()) {
      this.sleepers.remove(next);
      next.wake();
    }
    this.activity++;
  }

  private changed(): Promise<void> {
    return new Promise<void>((resolve) => {
      const previous = this.nudge;
      this.nudge = () => {
        previous?.();
        resolve();
      };
    });
  }
}
