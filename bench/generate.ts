// Generated runbooks for the figures the shipped runbooks are too small for: a failover over N data stores
// (one failover step each, behind one approval, then a DNS change and a health wait), and the scale
// runbook of N steps over about 0.4 N resources. Each is YAML text, also written to a temp dir for the binary.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';

const FROM = 'us-east-1';
const TO = 'us-west-2';
const REGIONS = [FROM, TO];
const ZONE = 'Z0BENCHEXAMPLE';
// Written out in full: shared objects would become YAML aliases, which drctl rightly refuses in bulk.
const YAML_OPTIONS = { lineWidth: 0, aliasDuplicateObjects: false };

type Family = 'aurora' | 'docdb' | 'elasticache';
const FAMILIES: Family[] = ['aurora', 'docdb', 'elasticache'];

export interface DataStore {
  /** The runbook's resource name, e.g. store-007. */
  name: string;
  family: Family;
  resource: Record<string, unknown>;
}

const pad = (n: number) => String(n).padStart(3, '0');

/** Aurora, DocumentDB and ElastiCache in turn, so every action family is in the mix. */
export function dataStores(count: number): DataStore[] {
  return Array.from({ length: count }, (_, index) => {
    const family = FAMILIES[index % FAMILIES.length] ?? 'aurora';
    const number = pad(index + 1);
    const resource =
      family === 'elasticache'
        ? { type: 'elasticache-global', globalReplicationGroupId: `ldgnf-bench-cache-${number}`, regions: REGIONS }
        : { type: `${family}-global`, globalClusterId: `bench-${family}-${number}`, regions: REGIONS };
    return { name: `store-${number}`, family, resource };
  });
}

const moveStepId = (store: DataStore) => `move-${store.name}`;
const to = '${{ inputs.to }}';

function document(name: string, description: string, spec: Record<string, unknown>): Record<string, unknown> {
  return {
    apiVersion: 'drctl/v1',
    kind: 'Runbook',
    metadata: { name, description },
    spec: { inputs: { to: { type: 'region', default: TO } }, objectives: { rto: '15m', rpo: '1s' }, ...spec },
  };
}

/** The failover record pair generateWorld makes for api-dns, swapped so the PRIMARY answer is the west one. */
function dnsSwap(recordSet: string): Record<string, unknown> {
  return {
    resource: recordSet,
    comment: 'drctl bench: answer from us-west-2',
    records: [
      { setIdentifier: 'api-use1', failover: 'PRIMARY', ttl: 60, values: ['198.51.100.10'], healthCheck: 'api-west' },
      { setIdentifier: 'api-usw2', failover: 'SECONDARY', ttl: 60, values: ['192.0.2.10'], healthCheck: 'api-east' },
    ],
  };
}

/**
 * A region failover over `count` data stores: approve, fail every store over at once (AllowDataLoss for
 * the global clusters), point the DNS failover records west, then wait for the west health check.
 */
export function failoverRunbook(count: number): string {
  const stores = dataStores(count);
  const resources: Record<string, unknown> = Object.fromEntries(stores.map((store) => [store.name, store.resource]));
  resources['api-east'] = { type: 'route53-health-check', healthCheckId: 'bench-hc-east', region: FROM };
  resources['api-west'] = { type: 'route53-health-check', healthCheckId: 'bench-hc-west', region: TO };
  resources['api-dns'] = { type: 'route53-record-set', hostedZoneId: ZONE, name: 'api.bench.example.com', recordType: 'A' };
  const steps = [
    { id: 'approve', uses: 'approval', with: { message: `Fail ${count} data stores over to ${to}?` } },
    ...stores.map((store) => ({ id: moveStepId(store), uses: `${store.family}.failover`, needs: ['approve'], with: { resource: store.name, to } })),
    // Route 53's control plane is in us-east-1, which this failover leaves: the run may go on without it
    // (an unplanned run refuses steps that need it otherwise). The simulator keeps it up, so they run.
    { id: 'dns', uses: 'route53.set-records', needs: stores.map(moveStepId), with: dnsSwap('api-dns'), 'continue-on-error': true },
    { id: 'serving', uses: 'route53.wait-healthy', needs: ['dns'], with: { resource: 'api-west' }, 'continue-on-error': true },
  ];
  return stringify(document(`bench-failover-${count}`, `Generated: fail ${count} data stores over, then DNS`, { resources, steps }), YAML_OPTIONS);
}

/** One health wait: until Route 53 judges us-east-1's endpoint unhealthy (the benchmark takes the region down). */
export function healthWaitRunbook(): string {
  const resources = { 'api-east': { type: 'route53-health-check', healthCheckId: 'bench-hc-east', region: FROM } };
  const steps = [{ id: 'east-down', uses: 'route53.wait-healthy', with: { resource: 'api-east', expect: 'unhealthy' } }];
  return stringify(document('bench-health-wait', 'Generated: wait until Route 53 sees a region down', { resources, steps }), YAML_OPTIONS);
}

/** The step counts of the growth table: validate and plan must grow linearly with them. */
export const GROWTH_STEPS = [10, 100, 500, 2000] as const;

/**
 * `steps` steps over about 0.4 x `steps` resources. At 500: 150 data stores (switch over, assert the new
 * writer, settle), 48 health checks (47 waited on, one checked in preflight) and 2 record sets changed at
 * the end, after one approval. Other sizes keep the proportions (at least one store and one health wait).
 */
export function scaleRunbook(stepCount: number): string {
  const storeCount = Math.max(1, Math.min(Math.round(stepCount * 0.3), Math.floor((stepCount - 4) / 3)));
  const stores = dataStores(storeCount);
  const waitedCount = stepCount - 3 - 3 * storeCount;
  const checks = Array.from({ length: waitedCount + 1 }, (_, index) => ({ name: `hc-${pad(index + 1)}`, region: REGIONS[index % 2] ?? FROM }));
  const resources: Record<string, unknown> = Object.fromEntries(stores.map((store) => [store.name, store.resource]));
  for (const check of checks) resources[check.name] = { type: 'route53-health-check', healthCheckId: `bench-${check.name}`, region: check.region };
  for (const label of ['api', 'www']) resources[`${label}-dns`] = { type: 'route53-record-set', hostedZoneId: ZONE, name: `${label}.bench.example.com`, recordType: 'A' };

  const perStore = stores.flatMap((store) => {
    const output = store.family === 'elasticache' ? 'primaryRegion' : 'writerRegion';
    return [
      { id: moveStepId(store), uses: store.family === 'elasticache' ? 'elasticache.failover' : `${store.family}.switchover`, needs: ['approve'], with: { resource: store.name, to } },
      { id: `verify-${store.name}`, uses: 'assert', needs: [moveStepId(store)], with: { that: `\${{ steps.${moveStepId(store)}.outputs.${output} == inputs.to }}` } },
      { id: `settle-${store.name}`, uses: 'wait', needs: [`verify-${store.name}`], with: { duration: '5s', reason: 'let connections drain' } },
    ];
  });
  const waited = checks.slice(1);
  const healthSteps = waited.map((check, index) => ({
    id: `serving-${check.name}`,
    uses: 'route53.wait-healthy',
    needs: stores.filter((_, storeIndex) => storeIndex % waited.length === index).map((store) => `settle-${store.name}`),
    with: { resource: check.name },
  }));
  const half = Math.ceil(healthSteps.length / 2);
  const dnsSteps = ['api', 'www'].map((label, index) => ({
    id: `dns-${label}`,
    uses: 'route53.set-records',
    needs: (index === 0 ? healthSteps.slice(0, half) : healthSteps.slice(half)).map((step) => step.id),
    with: { resource: `${label}-dns`, records: [{ setIdentifier: `${label}-use1`, failover: 'PRIMARY', ttl: 60, values: ['198.51.100.10'] }] },
  }));
  const steps = [{ id: 'approve', uses: 'approval', with: { message: `Move everything to ${to}?` } }, ...perStore, ...healthSteps, ...dnsSteps];
  if (steps.length !== stepCount) throw new Error(`bug: the scale runbook has ${steps.length} steps, not ${stepCount}`);
  const preflight = [
    { check: 'replication-lag-below', with: { resources: stores.slice(0, 10).map((store) => store.name), max: '1s', to } },
    { check: 'healthy', with: { resource: checks[0]?.name } },
  ];
  return stringify(document(`bench-scale-${stepCount}`, `Generated: ${stepCount} steps over ${Object.keys(resources).length} resources`, { resources, preflight, steps }), YAML_OPTIONS);
}

export interface GeneratedFiles {
  dir: string;
  scale2000: string;
  failover50: string;
  failover200: string;
}

/** Writes the generated runbooks to a fresh temp dir (the binary reads files, and runs journal beside them). */
export async function writeGeneratedRunbooks(): Promise<GeneratedFiles> {
  const dir = await mkdtemp(path.join(tmpdir(), 'drctl-bench-'));
  const write = async (name: string, text: string) => {
    const file = path.join(dir, `${name}.yaml`);
    await writeFile(file, text);
    return file;
  };
  return {
    dir,
    scale2000: await write('scale-2000-steps', scaleRunbook(2000)),
    failover50: await write('failover-50', failoverRunbook(50)),
    failover200: await write('failover-200', failoverRunbook(200)),
  };
}
