// A fake clock for runs against FakeAws: every wait of the engine moves AWS operations one stage on,
// the way time moves them in AWS.
import { FakeClock } from './fake-clock';
import type { FakeAws } from './fake-aws';

export class TickingClock extends FakeClock {
  constructor(
    private readonly aws: FakeAws,
    start: number,
  ) {
    super(start);
  }
  override sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return super.sleep(ms, signal).then(() => this.aws.tick());
  }
}
