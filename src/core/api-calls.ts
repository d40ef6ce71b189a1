// What src/aws reports about every AWS API call it makes, for the journal. The ports themselves are
// declared per service in core/services (the catalogue builds AwsPorts from them).
import type { Service } from './services/catalogue';

/** One SDK call, reported by src/aws so the run journal can count and time every call. */
export interface ApiCallRecord {
  service: Service;
  region: string;
  operation: string;
  mutating: boolean;
  startedAt: number;
  durationMs: number;
  ok: boolean;
  errorCode?: string;
  requestId?: string;
  attempts?: number;
}

/** API calls reported by src/aws, recorded as `api.call` events in the run's sequence. */
export interface ApiCallSource {
  listen(listener: (call: ApiCallRecord) => void): () => void;
}
