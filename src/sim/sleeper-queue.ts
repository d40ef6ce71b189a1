// The virtual clock's sleepers, earliest deadline first; equal deadlines wake in the order they slept, so
// a run replays the same way every time. A binary heap: a wide runbook keeps hundreds of pollers asleep.

export interface Sleeper {
  readonly until: number;
  readonly seq: number;
  readonly wake: () => void;
}

const before = (a: Sleeper, b: Sleeper) => a.until < b.until || (a.until === b.until && a.seq < b.seq);

export class SleeperQueue {
  private heap: Sleeper[] = [];
  private removed = new Set<Sleeper>();
  private seq = 0;

  get size(): number {
    return this.heap.length - this.removed.size;
  }

  push(until: number, wake: () => void): Sleeper {
    const sleeper = { until, seq: this.seq++, wake };
    this.heap.push(sleeper);
    this.up(this.heap.length - 1);
    return sleeper;
  }

  peek(): Sleeper | undefined {
    this.dropRemoved();
    return this.heap[0];
  }

  /** Takes a sleeper out (woken or aborted); removed lazily when it reaches the top. */
  remove(sleeper: Sleeper): void {
    if (this.heap[0] === sleeper) this.pop();
    else this.removed.add(sleeper);
  }

  clear(): void {
    this.heap = [];
    this.removed.clear();
  }

  private dropRemoved(): void {
    while (this.heap[0] && this.removed.delete(this.heap[0])) this.pop();
  }

  private pop(): void {
    const last = this.heap.pop();
    if (last && this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
  }

  private up(index: number): void {
    const heap = this.heap;
    for (let child = index; child > 0; ) {
      const parent = (child - 1) >> 1;
      if (!before(heap[child]!, heap[parent]!)) return;
      [heap[child], heap[parent]] = [heap[parent]!, heap[child]!];
      child = parent;
    }
  }

  private down(index: number): void {
    const heap = this.heap;
    for (let parent = index; ; ) {
      let first = parent;
      for (const child of [2 * parent + 1, 2 * parent + 2]) if (child < heap.length && before(heap[child]!, heap[first]!)) first = child;
      if (first === parent) return;
      [heap[first], heap[parent]] = [heap[parent]!, heap[first]!];
      parent = first;
    }
  }
}
