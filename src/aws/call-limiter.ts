// At most `limit` AWS calls in flight at once; the others wait in the order they were made. A call in
// flight holds the SDK's middleware stack, a socket and its parsed response: 200 steps polling at once
// took drctl past 200 MB. First come, first served, and a finished call hands its place straight to the
// next waiting one, so no step starves however many others poll.
export class CallLimiter {
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(call: () => Promise<T>): Promise<T> {
    if (this.inFlight < this.limit) this.inFlight++;
    else await new Promise<void>((start) => this.waiting.push(start));
    try {
      return await call();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.inFlight--;
    }
  }
}
