// The mutating call, preceded by the replication lag read that becomes the measured RPO. When AWS says
// the cluster is busy, drctl looks before failing: a busy cluster moving to our target is joined, never
// hit with a second call.
import { isAwsError } from '../../aws/aws-error';
import { DrctlError } from '../../core/errors';
import { explained, mutatingCallHints, type KindHints } from '../shared/aws-hints';
import { globalClusterLagMetrics, readFirstLag, recordLagBeforeCutover, type LagReading } from '../shared/lag';
import { asRunFailure } from '../shared/resolve';
import type { ActionContext, PollResult } from '../../core/action';
import { API_OPERATION, describeGlobalCluster, describeProgress, portFor, type GlobalClusterFamily, type GlobalClusterStepState } from './model';
import type { GlobalClusterPlan } from './plan';

function hintsFor(family: GlobalClusterFamily, state: GlobalClusterStepState): KindHints {
  const permission = `rds:${API_OPERATION[state.operation]}`;
  const settle = 'Run `drctl status` to see the global cluster, wait for it to settle, then `drctl resume`.';
  const byOperation: Record<GlobalClusterStepState['operation'], KindHints> = {
    switchover: {
      'invalid-state': `Another operation is under way, or a member is not ready (engine versions differ, target being modified). ${settle}`,
      unreachable:
        `The primary's region ${state.callRegion} does not answer, and a switchover needs it. If the region is impaired, ` +
        `use ${family.prefix}.failover (AllowDataLoss), which is sent to ${state.targetRegion}.`,
    },
    failover: {
      'invalid-state': `Another operation is under way, or the target cannot be promoted (engine versions, pending changes, headless). ${settle} If it cannot be fixed, ${family.prefix}.detach is the last resort.`,
      unreachable: `${state.targetRegion} does not answer, and a failover must be sent to the target's region. Choose a target region that answers.`,
    },
    detach: {
      'invalid-state': `AWS refused to detach: an operation may be under way. ${settle}`,
      unreachable: `${state.targetRegion} does not answer, and the detach must be sent there. Choose a member region that answers.`,
    },
  };
  return mutatingCallHints(permission, state.callRegion, {
    'not-found': 'The global cluster or the member changed since the plan. Run `drctl status`, then plan again.',
    ...byOperation[state.operation],
  });
}

function guardLag(state: GlobalClusterStepState, lag: LagReading, maxLagMs: number | undefined, ctx: ActionContext): void {
  if (maxLagMs === undefined) return;
  if (lag.missing) {
    ctx.observe(`${state.resource}: maxLag not checked, no lag data; going ahead`);
    return;
  }
  if ((lag.valueMs ?? 0) > maxLagMs) {
    throw new DrctlError(
      'action.lag-above-limit',
      `${state.resource}: replication lag to ${state.targetRegion} is ${Math.round(lag.valueMs ?? 0)} ms, above maxLag ${maxLagMs} ms; not calling ${API_OPERATION[state.operation]}`,
      'Wait for the lag to fall and run the step again, raise maxLag if that much data loss is acceptable, or switch over if the primary is healthy (no data loss).',
      asRunFailure,
    );
  }
}

/** After "invalid state": is it our own operation, started by an earlier attempt? Then join it. */
async function joinIfOurs(ctx: ActionContext, family: GlobalClusterFamily, state: GlobalClusterStepState): Promise<PollResult | undefined> {
  try {
    const cluster = await describeGlobalCluster(ctx, family, state.resource, state.globalClusterId, state.askRegions);
    const ours = cluster.failoverState?.toClusterArn === state.targetArn;
    if (!ours) return undefined;
    state.requestedAt = ctx.clock.now();
    return { done: false, observation: `${describeProgress(cluster)} (already under way; joined)` };
  } catch {
    return undefined;
  }
}

export async function applyGlobalCluster(
  ctx: ActionContext,
  family: GlobalClusterFamily,
  plan: GlobalClusterPlan,
  maxLagMs?: number,
): Promise<PollResult> {
  const { state } = plan;
  const metrics = globalClusterLagMetrics(family.service, state.targetClusterId);
  const lag = await recordLagBeforeCutover(
    ctx,
    state.resource,
    () => readFirstLag(ctx.ports.cloudwatch, state.targetRegion, metrics, ctx.clock.now()),
    state.targetRegion,
  );
  guardLag(state, lag, maxLagMs, ctx);

  const port = portFor(ctx, family);
  const operation = API_OPERATION[state.operation];
  const doing = `${state.resource}: ${operation} in ${state.callRegion}`;
  try {
    await explained(doing, hintsFor(family, state), () => {
      if (state.operation === 'switchover') return port.switchoverGlobalCluster(state.callRegion, state.globalClusterId, state.targetArn);
      if (state.operation === 'failover') return port.failoverGlobalCluster(state.callRegion, state.globalClusterId, state.targetArn);
      return port.removeFromGlobalCluster(state.callRegion, state.globalClusterId, state.targetArn);
    });
  } catch (error) {
    const joined = isAwsError(error, 'invalid-state') && state.operation !== 'detach' ? await joinIfOurs(ctx, family, state) : undefined;
    if (joined) return joined;
    throw error;
  }
  state.requestedAt = ctx.clock.now();
  return {
    done: false,
    observation: `${state.resource}: ${operation} accepted in ${state.callRegion} (${state.previousWriterRegion ?? '?'} -> ${state.targetRegion})`,
  };
}
