// What run, resume and rollback share: refuse early when the operator cannot be asked, open AWS (the
// simulator under --sim), and run one session on it (execute-session.ts: lock, journal + reporter,
// Ctrl-C, the engine, the summary). drctl drill calls executeSession directly on a context it keeps.
import { openAwsContext } from './aws-context';
import { ApiCallFeed } from '../src/engine/api-call-feed';
import { checkOperator, executeSession, type SessionRequest } from './execute-session';
import { awsOptionsOf } from './run-options';

export async function runSession(request: SessionRequest): Promise<number> {
  // Before starting a simulator or reading credentials: a run that cannot be confirmed stops here.
  checkOperator(request);
  const calls = new ApiCallFeed();
  const resources = request.document.spec.resources ?? {};
  const context = await openAwsContext({ ...awsOptionsOf(request.io, request.options), readOnly: false, resources, onCall: (call) => calls.push(call) });
  try {
    return (await executeSession(request, { context, calls })).exitCode;
  } finally {
    await context.close();
  }
}
