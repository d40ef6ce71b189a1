// What `drctl sim serve` prints: where the simulator listens, how to point drctl and the AWS CLI at it, the world
// it holds, and each milestone as it happens (wall-clock times: a served world lives on its clients' clock).
import type { Style } from '../core/style';

interface WorldSummaryView {
  now: number;
  globalClusters: Array<{ id: string; service: string; status: string; writerRegion?: string; members: number }>;
  datastores: Array<{ id: string; status: string; primaryRegion?: string; members: number }>;
  healthChecks: Array<{ id: string; watchedRegion: string; healthy: boolean }>;
}

/** How to reach the simulator: its endpoint, the credentials it takes, the region to start from. */
export interface SimAccess {
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  region: string;
  /** The runbook the world was generated from, as given: the example command uses it. */
  runbook?: string;
}

/**
 * Lines to paste into another shell, in order, for drctl and the AWS CLI alike: the credentials first
 * (with AWS_PROFILE unset, or the SDK and the CLI would ignore them for the profile), then the commands.
 */
function steps({ endpoint, credentials, region, runbook }: SimAccess): string[] {
  return [
    `unset AWS_PROFILE; export AWS_ACCESS_KEY_ID=${credentials.accessKeyId} AWS_SECRET_ACCESS_KEY=${credentials.secretAccessKey} AWS_DEFAULT_REGION=${region}`,
    `drctl status ${runbook ?? '<runbook>'} --endpoint-url ${endpoint}`,
    `aws rds describe-global-clusters --endpoint-url ${endpoint}`,
    `# DocumentDB from boto3 or the AWS CLI v1: --endpoint-url ${endpoint}/docdb`,
  ];
}

export function simBanner(access: SimAccess, timeScale: number, world: WorldSummaryView, style: Style): string {
  const lines = [
    `${style.bold('drctl simulator')} listening on ${style.cyan(access.endpoint)} (Ctrl-C stops it)`,
    `Wall-clock time, world x${timeScale}: every declared span (failovers, checker rounds, metric periods, fault windows) lasts 1/${timeScale} as long.`,
    '',
    'From another shell, run these in order (drctl and the AWS CLI alike):',
    ...steps(access).map((line) => `  ${line}`),
    '',
    'World:',
    ...world.globalClusters.map((g) => `  ${g.service === 'rds' ? 'aurora' : 'docdb'}  ${g.id}: writer in ${g.writerRegion ?? '?'}, ${g.members} members, ${g.status}`),
    ...world.datastores.map((d) => `  elasticache  ${d.id}: primary in ${d.primaryRegion ?? '?'}, ${d.members} members, ${d.status}`),
    ...world.healthChecks.map((h) => `  health check  ${h.id} (${h.watchedRegion}): ${h.healthy ? style.green('healthy') : style.red('unhealthy')}`),
    '',
  ];
  return lines.join('\n');
}

export function simMilestone(at: number, resource: string, operation: string, what: string, style: Style): string {
  return `${style.dim(new Date(at).toISOString())} ${resource} ${operation}: ${what}`;
}
