// `drctl failover aurora shop-orders --to us-west-2` as a runbook built in memory: the resource, an
// approval that names the target region, and the one action for the mode. It goes through the same
// checks as a runbook file and then the same session as `drctl run` (lock, journal, confirmation,
// reporter, summary), so a one-shot failover has no code path of its own.
import type { ActionCatalogue } from '../core/define-action';
import { DrctlError, ExitCode } from '../core/errors';
import { isDuration } from '../core/duration';
import { checkRunbookText } from './load';
import { isRegion } from '../core/regions';
import type { RunbookDocument, Step } from './schema';
import type { Resource } from '../core/resources';

import type { FailoverKind, FailoverMode } from './failover-kinds';

export interface InlineFailover {
  kind: FailoverKind;
  id: string;
  to: string;
  mode: FailoverMode;
  /** Refuse an unplanned failover or detach when more data than this would be lost, e.g. "5s". */
  maxLag?: string;
}

/** The runbook resource for a global resource named on the command line. */
export function globalResource(kind: FailoverKind, id: string): Resource {
  if (kind === 'elasticache') return { type: 'elasticache-global', globalReplicationGroupId: id };
  return { type: kind === 'aurora' ? 'aurora-global' : 'docdb-global', globalClusterId: id };
}

const ACTIONS: Record<FailoverKind, Record<FailoverMode, string>> = {
  aurora: { planned: 'aurora.switchover', unplanned: 'aurora.failover', detach: 'aurora.detach' },
  docdb: { planned: 'docdb.switchover', unplanned: 'docdb.failover', detach: 'docdb.detach' },
  // One ElastiCache call serves planned and unplanned moves (AWS-API.md 4.2).
  elasticache: { planned: 'elasticache.failover', unplanned: 'elasticache.failover', detach: 'elasticache.disassociate' },
};

const LABELS: Record<FailoverKind, string> = { aurora: 'Aurora global cluster', docdb: 'DocumentDB global cluster', elasticache: 'ElastiCache global datastore' };

const WHAT: Record<FailoverMode, string> = {
  planned: 'planned: no data loss',
  unplanned: 'unplanned: writes not yet replicated are lost',
  detach: 'detach: the member leaves the global resource and becomes a standalone writer',
};

/** Stable per resource, so the run lock stops two failovers of the same resource at once. */
export function failoverRunbookName(kind: FailoverKind, id: string): string {
  return `failover-${kind}-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** The command line the runbook stands for: shown where a run names its runbook file. */
export function failoverCommandLine(request: InlineFailover): string {
  const lag = request.maxLag ? ` --max-lag ${request.maxLag}` : '';
  return `drctl failover ${request.kind} ${request.id} --to ${request.to} --mode ${request.mode}${lag}`;
}

export async function failoverRunbook(request: InlineFailover, catalogue: ActionCatalogue): Promise<RunbookDocument> {
  checkRequest(request);
  const { kind, id, to, mode } = request;
  const uses = ACTIONS[kind][mode];
  // The resource is named after its id, so every message says "shop-orders: ...".
  const name = /^[a-zA-Z][a-zA-Z0-9_-]*$/.test(id) ? id : 'resource';
  const action: Step = {
    id: uses.split('.')[1] ?? 'failover',
    uses,
    needs: ['approve'],
    with: { resource: name, to, ...(request.maxLag ? { maxLag: request.maxLag } : {}) },
  };
  const document: RunbookDocument = {
    apiVersion: 'drctl/v1',
    kind: 'Runbook',
    metadata: { name: failoverRunbookName(kind, id), description: `${failoverCommandLine(request)} (built in memory)` },
    spec: {
      resources: { [name]: globalResource(kind, id) },
      // A planned move must find everything in sync first. An unplanned one is for a region that may not
      // answer: the action's own plan says what AWS would refuse, without failing on the silent region.
      preflight: mode === 'planned' ? [{ check: 'available', with: { resource: name, to } }] : [],
      steps: [
        { id: 'approve', uses: 'approval', with: { message: `Move ${LABELS[kind]} ${id} to ${to} (${WHAT[mode]})?` } },
        action,
      ],
    },
  };
  return await validated(document, catalogue);
}

function checkRequest({ to, mode, maxLag, kind }: InlineFailover): void {
  if (!isRegion(to)) {
    throw new DrctlError('failover.bad-region', `--to ${to} is not an AWS region`, 'Pass the region whose secondary should take over, e.g. --to us-west-2.', { exitCode: ExitCode.invalidInput });
  }
  if (maxLag !== undefined && !isDuration(maxLag)) {
    throw new DrctlError('failover.bad-max-lag', `--max-lag ${maxLag} is not a duration`, 'Pass it like --max-lag 5s or --max-lag 500ms.', { exitCode: ExitCode.invalidInput });
  }
  if (maxLag !== undefined && mode === 'planned' && kind !== 'elasticache') {
    throw new DrctlError('failover.max-lag-planned', '--max-lag does not apply to a planned switchover: it loses no data', 'Drop --max-lag, or use it with --mode unplanned or --mode detach.', { exitCode: ExitCode.invalidInput });
  }
}

/** The same checks as a runbook file: schema, actions and their parameters, resource references. */
async function validated(document: RunbookDocument, catalogue: ActionCatalogue): Promise<RunbookDocument> {
  // JSON is YAML, so the loader reads it as it reads a file (and its problems point into this text).
  const checked = await checkRunbookText(`${document.metadata.name} (in memory)`, JSON.stringify(document, null, 2), catalogue);
  const first = checked.problems[0];
  if (!checked.document || first) {
    throw new DrctlError(first?.code ?? 'failover.invalid', `the failover cannot be built: ${first?.message ?? 'invalid runbook'}`, first?.hint ?? 'Check the values passed on the command line.', {
      exitCode: ExitCode.invalidInput,
    });
  }
  return checked.document;
}
