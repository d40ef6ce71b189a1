// Deterministic interleavings of racing tasks that share a file system. Every file operation of every
// task first parks at a gate; only when no task is running (each is parked or finished) does the
// scheduler let exactly one parked task go on, chosen by `choose`. The order of file operations is then
// a pure function of `choose`, so a race that machine load finds once in a thousand runs is found on
// purpose, every time, by a seed.
import path from 'node:path';
import type { JournalFsAsync } from '../../src/journal/journal-fs';

export type Chooser = (parked: readonly number[]) => number;

/**
 * Picks a parked task with a small seeded PRNG (mulberry32). Each seed also gives every task a weight
 * (some tasks are much slower than others), so schedules where one process stalls between reading and
 * writing while the others run whole cycles, the ones that break locks, come up often.
 */
export function seededChooser(seed: number): Chooser {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const weights = new Map<number, number>();
  const weightOf = (task: number) => weights.get(task) ?? weights.set(task, 0.02 + random() ** 3).get(task)!;
  return (parked) => {
    const total = parked.reduce((sum, task) => sum + weightOf(task), 0);
    let pick = random() * total;
    for (const task of parked) {
      pick -= weightOf(task);
      if (pick < 0) return task;
    }
    return parked[parked.length - 1]!;
  };
}

export class Interleaver {
  private readonly parked = new Map<number, () => void>();
  private running = 0;
  /** Each step taken, as "task:operation", for a failure message that shows the schedule. */
  readonly trace: string[] = [];

  constructor(private readonly choose: Chooser) {}

  /** A file system for task `task` whose every operation waits for its turn. */
  fsFor(task: number, real: JournalFsAsync): JournalFsAsync {
    const gated = {} as Record<string, unknown>;
    for (const [name, operation] of Object.entries(real) as Array<[string, (...args: unknown[]) => Promise<unknown>]>) {
      gated[name] = async (...args: unknown[]) => {
        await this.gate(task, `${name} ${args.filter((arg): arg is string => typeof arg === 'string' && arg.includes('/')).map((arg) => path.basename(arg)).join(' ')}`);
        return operation(...args);
      };
    }
    return gated as unknown as JournalFsAsync;
  }

  /** Runs the tasks to the end under the scheduler; resolves with how each settled. */
  async run<T>(tasks: Array<() => Promise<T>>): Promise<Array<PromiseSettledResult<T>>> {
    this.running = tasks.length;
    const settled = tasks.map((task) =>
      task().finally(() => {
        this.running -= 1;
        this.next();
      }),
    );
    return Promise.allSettled(settled);
  }

  private gate(task: number, what: string): Promise<void> {
    return new Promise((resolve) => {
      this.parked.set(task, () => {
        this.trace.push(`${task}:${what}`);
        resolve();
      });
      this.running -= 1;
      this.next();
    });
  }

  private next(): void {
    if (this.running > 0 || this.parked.size === 0) return;
    const task = this.choose([...this.parked.keys()].sort((a, b) => a - b));
    const resume = this.parked.get(task)!;
    this.parked.delete(task);
    this.running += 1;
    resume();
  }
}
