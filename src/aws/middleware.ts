// The two middlewares every client gets in the factory, so no port or caller can bypass them:
// the read-only guard (dry run is read-only by construction) and the call recorder (the journal counts
// and times every call). Both sit in the initialize step: the guard refuses before anything is
// serialised, signed or sent, and the recorder's timing includes the SDK's retries.
import type {
  AbsoluteLocation,
  HandlerExecutionContext,
  InitializeHandlerOptions,
  InitializeMiddleware,
} from '@smithy/types';
import { errorCodeOf, readOnlyError } from './classify';
import { type ApiCallRecord } from '../core/api-calls';
import { isMutatingOperation, type Service } from '../core/services/catalogue';
import type { SdkClient } from './sdk-modules';

export interface ClientSite {
  service: Service;
  region: string;
}

interface ResponseMetadata {
  requestId?: string;
  attempts?: number;
}

/** "DescribeGlobalClustersCommand" -> "DescribeGlobalClusters". */
export function operationOf(context: HandlerExecutionContext): string {
  return (context.commandName ?? '').replace(/Command$/, '');
}

const GUARD: InitializeHandlerOptions & AbsoluteLocation = {
  step: 'initialize',
  priority: 'high',
  name: 'drctlReadOnlyGuard',
  tags: ['DRCTL'],
};
const RECORDER: InitializeHandlerOptions & AbsoluteLocation = {
  step: 'initialize',
  priority: 'high',
  name: 'drctlCallRecorder',
  tags: ['DRCTL'],
};

export function readOnlyGuard(site: ClientSite): InitializeMiddleware<object, object> {
  return (next, context) => async (args) => {
    const operation = operationOf(context);
    // An operation without a name cannot be proven read-only, so it is refused too (fail closed).
    if (!operation || isMutatingOperation(site.service, operation)) {
      throw readOnlyError({ ...site, operation: operation || 'unknown operation' });
    }
    return next(args);
  };
}

/** `now` is the run's clock: a simulated run records its calls in simulated time, like every other event. */
export function callRecorder(site: ClientSite, onCall: (record: ApiCallRecord) => void, now: () => number = () => performance.timeOrigin + performance.now()): InitializeMiddleware<object, object> {
  return (next, context) => async (args) => {
    const operation = operationOf(context);
    const started = now();
    const startedAt = Math.round(started);
    const report = (ok: boolean, metadata: ResponseMetadata | undefined, errorCode?: string): void => {
      const record: ApiCallRecord = {
        ...site,
        operation,
        mutating: isMutatingOperation(site.service, operation),
        startedAt,
        durationMs: Math.round(now() - started),
        ok,
        ...(errorCode === undefined ? {} : { errorCode }),
        ...(metadata?.requestId === undefined ? {} : { requestId: metadata.requestId }),
        ...(metadata?.attempts === undefined ? {} : { attempts: metadata.attempts }),
      };
      try {
        onCall(record);
      } catch (error) {
        // A failing listener must not turn a call AWS accepted (a failover under way!) into an error.
        process.emitWarning(`drctl: the API call listener failed: ${String(error)}`);
      }
    };
    try {
      const result = await next(args);
      report(true, (result.output as { $metadata?: ResponseMetadata }).$metadata);
      return result;
    } catch (error) {
      report(false, (error as { $metadata?: ResponseMetadata } | undefined)?.$metadata, errorCodeOf(error));
      throw error;
    }
  };
}

/** Called by the client factory for every client it makes. */
export function installMiddleware(
  client: SdkClient,
  site: ClientSite,
  options: { readOnly: boolean; onCall?: (record: ApiCallRecord) => void; clockNow?: () => number },
): void {
  // Same step and priority: the one added first is outermost. The guard goes first: nothing runs for a
  // refused operation, not even credential resolution, and it is not recorded as an API call.
  if (options.readOnly) client.middlewareStack.add(readOnlyGuard(site), GUARD);
  if (options.onCall) client.middlewareStack.add(callRecorder(site, options.onCall, options.clockNow), RECORDER);
}
