// Knowing when drctl is only waiting: every port method is wrapped to count the AWS calls in flight. Once
// none is, and the promise chains they resolved have run, whatever drctl does next is a clock sleep.
import type { AwsPorts } from '../src/core/services/catalogue';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class InFlight {
  count = 0;
  private waiters: Array<() => void> = [];

  async track<T>(call: () => Promise<T>): Promise<T> {
    this.count++;
    try {
      return await call();
    } finally {
      this.count--;
      if (this.count === 0) for (const wake of this.waiters.splice(0)) wake();
    }
  }

  /** Resolves once no call is in flight and the continuations of the last ones have run (two quiet turns). */
  async idle(): Promise<void> {
    for (;;) {
      if (this.count > 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
      await nextTurn();
      if (this.count > 0) continue;
      await nextTurn();
      if (this.count === 0) return;
    }
  }
}

function trackPort<T extends object>(port: T, inFlight: InFlight): T {
  return new Proxy(port, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => inFlight.track(async () => Reflect.apply(value, target, args) as unknown);
    },
  });
}

export function trackPorts(ports: AwsPorts, inFlight: InFlight): AwsPorts {
  return {
    rds: trackPort(ports.rds, inFlight),
    docdb: trackPort(ports.docdb, inFlight),
    elasticache: trackPort(ports.elasticache, inFlight),
    route53: trackPort(ports.route53, inFlight),
    cloudwatch: trackPort(ports.cloudwatch, inFlight),
  };
}
