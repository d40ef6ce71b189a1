// The command that reads, now, the resources a run acts on: what the summary names when a step's outcome
// is unknown. A runbook file is named as given; a run without one (`drctl failover`) names its resources.
import type { RunbookDocument } from '../runbook/schema';

const STATUS_KINDS: Record<string, { kind: string; id: (resource: Record<string, unknown>) => unknown }> = {
  'aurora-global': { kind: 'aurora', id: (resource) => resource.globalClusterId },
  'docdb-global': { kind: 'docdb', id: (resource) => resource.globalClusterId },
  'elasticache-global': { kind: 'elasticache', id: (resource) => resource.globalReplicationGroupId },
  'route53-health-check': { kind: 'health-check', id: (resource) => resource.healthCheckId },
};

export function statusCommandFor(file: string, document: RunbookDocument): string {
  if (/\.ya?ml$/i.test(file)) return `drctl status ${file}`;
  const flags = Object.values(document.spec.resources ?? {}).flatMap((resource) => {
    const known = STATUS_KINDS[resource.type];
    const id = known?.id(resource as Record<string, unknown>);
    return known && typeof id === 'string' ? [`-r ${known.kind}:${id}`] : [];
  });
  return flags.length > 0 ? `drctl status ${flags.join(' ')}` : 'drctl status <runbook>';
}
