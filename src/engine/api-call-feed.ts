// src/aws reports every SDK call through a callback given when the ports are built, which is before the
// engine starts. The feed holds those records until the engine listens, then passes them straight on.
import type { ApiCallRecord, ApiCallSource } from '../core/api-calls';

export class ApiCallFeed implements ApiCallSource {
  private readonly early: ApiCallRecord[] = [];
  private listener: ((call: ApiCallRecord) => void) | undefined;

  push(call: ApiCallRecord): void {
    if (this.listener) this.listener(call);
    else this.early.push(call);
  }

  listen(listener: (call: ApiCallRecord) => void): () => void {
    this.listener = listener;
    for (const call of this.early.splice(0)) listener(call);
    return () => {
      if (this.listener === listener) this.listener = undefined;
    };
  }
}
