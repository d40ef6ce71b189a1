// What `drctl sim serve` prints: where the simulator listens, how to point the AWS CLI at it, the world
// it holds, and each milestone as it happens (in simulated time).
import type { Style } from '../core/style';

interface WorldSummaryView {
  now: number;
  globalClusters: Array<{ id: string; service: string; status: string; writerRegion?: string; members: number }>;
  datastores: Array<{ id: string; status: string; primaryRegion?: string; members: number }>;
  healthChecks: Array<{ id: string; watchedRegion: string; healthy: boolean }>;
}

export function simBanner(endpoint: string, timeScale: number, cliExample: string[], world: WorldSummaryView, style: Style): string {
  const lines = [
    `${style.bold('drctl simulator')} listening on ${style.cyan(endpoint)} (time x${timeScale}; Ctrl-C stops it)`,
    '',
    'Point drctl or the AWS CLI at it:',
    `  drctl status <runbook> --endpoint-url ${endpoint}`,
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
