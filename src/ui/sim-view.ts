// What `drctl sim serve` prints: where the simulator listens, how to point the AWS CLI at it, the world
// it holds, and each milestone as it happens (wall-clock times: a served world lives on its clients' clock).
import type { Style } from '../core/style';

interface WorldSummaryView {
  now: number;
  globalClusters: Array<{ id: string; service: string; status: string; writerRegion?: string; members: number }>;
  datastores: Array<{ id: string; status: string; primaryRegion?: string; members: number }>;
  healthChecks: Array<{ id: string; watchedRegion: string; healthy: boolean }>;
}

export function simBanner(endpoint: string, timeScale: number, cliExample: string[], world: WorldSummaryView, style: Style): string {
  const lines = [
    `${style.bold('drctl simulator')} listening on ${style.cyan(endpoint)} (Ctrl-C stops it)`,
    `Wall-clock time, world x${timeScale}: every declared span (failovers, checker rounds, metric periods, fault windows) lasts 1/${timeScale} as long.`,
    '',
    'Point drctl or the AWS CLI at it:',
    `  drctl status <runbook> --endpoint-url ${endpoint}`,
    `  (DocumentDB clients of boto3 or the AWS CLI v1: --endpoint-url ${endpoint}/docdb)`,
    ...cliExample.map((line) => `  ${line}`),
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
