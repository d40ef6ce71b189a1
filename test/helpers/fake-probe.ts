// A scripted HTTP probe port for action tests: each URL answers from its script in turn (the last answer
// repeats); 'hang' never answers until the attempt is stopped. Every request is logged with the clock's time.
import type { HttpProbePort, ProbeAnswer, ProbeRequest } from '../../src/core/http-probe';

export type Scripted = ProbeAnswer | 'hang';

export class FakeProbe implements HttpProbePort {
  readonly requests: Array<{ url: string; at: number; timeoutMs: number }> = [];
  private readonly scripts = new Map<string, Scripted[]>();

  constructor(private readonly now: () => number) {}

  script(url: string, ...answers: Scripted[]): this {
    this.scripts.set(url, answers);
    return this;
  }

  get(request: ProbeRequest): Promise<ProbeAnswer> {
    this.requests.push({ url: request.url, at: this.now(), timeoutMs: request.timeoutMs });
    const script = this.scripts.get(request.url) ?? [{ body: '', error: 'connection refused' }];
    const next = script.length > 1 ? script.shift()! : script[0]!;
    if (next !== 'hang') return Promise.resolve(structuredClone(next));
    return new Promise((resolve) => request.signal?.addEventListener('abort', () => resolve({ body: '', error: 'stopped' }), { once: true }));
  }
}

export const ok = (body = '{"status":"ok"}'): ProbeAnswer => ({ status: 200, body });
export const unavailable = (body = '{"status":"unavailable"}'): ProbeAnswer => ({ status: 503, body });
