// Shared fixtures for the simulator tests: the shop world from DESIGN.md, a manual clock, and real SDK
// clients pointed at a running simulator.
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { DocDBClient } from '@aws-sdk/client-docdb';
import { ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { RDSClient } from '@aws-sdk/client-rds';
import { Route53Client } from '@aws-sdk/client-route-53';
import type { Resource } from '../../src/core/resources';
import { ManualClock } from '../../src/sim/clock';
import { SIM_CREDENTIALS, startSimulator, type RunningSimulator } from '../../src/sim/index';
import { createWorld, type SimWorld } from '../../src/sim/world';
import { FaultSpec, type FaultSpecInput } from '../../src/sim/world-faults-spec';
import { generateWorld } from '../../src/sim/world-generate';
import type { WorldSpec } from '../../src/sim/world-spec';

export const START = Date.UTC(2026, 0, 5, 9, 0, 0);
export const SECOND = 1_000;
export const MINUTE = 60_000;

export const SHOP_RESOURCES: Record<string, Resource> = {
  'orders-db': { type: 'aurora-global', globalClusterId: 'shop-orders' },
  'catalog-db': { type: 'docdb-global', globalClusterId: 'shop-catalog' },
  sessions: { type: 'elasticache-global', globalReplicationGroupId: 'ldgnf-shop-sessions' },
  'api-east': { type: 'route53-health-check', healthCheckId: 'hc-east', region: 'us-east-1' },
  'api-west': { type: 'route53-health-check', healthCheckId: 'hc-west', region: 'us-west-2' },
  api: { type: 'route53-record-set', hostedZoneId: 'Z0SHOP', name: 'api.shop.example.com', recordType: 'A' },
};

export const ORDERS_EAST = 'arn:aws:rds:us-east-1:123456789012:cluster:shop-orders-use1';
export const ORDERS_WEST = 'arn:aws:rds:us-west-2:123456789012:cluster:shop-orders-usw2';
export const CATALOG_WEST = 'arn:aws:rds:us-west-2:123456789012:cluster:shop-catalog-usw2';

/** The shop world (two regions, healthy), with faults declared as in a world file. */
export function shopWorld(faults: FaultSpecInput[] = [], seed = 7): WorldSpec {
  const world = generateWorld(SHOP_RESOURCES, { seed, name: 'shop' });
  return { ...world, spec: { ...world.spec, faults: faults.map((fault) => FaultSpec.parse(fault)) } };
}

/** The shop world on a manual clock starting at START. */
export function manualWorld(faults: FaultSpecInput[] = []): { world: SimWorld; clock: ManualClock } {
  const clock = new ManualClock(START);
  return { world: createWorld(shopWorld(faults), clock), clock };
}

/** Moves a manual clock and lets the world run its due transitions. */
export async function advance(clock: ManualClock, world: SimWorld, ms: number): Promise<void> {
  await clock.advance(ms);
  world.settle();
}

export async function startShop(faults: FaultSpecInput[] = []): Promise<RunningSimulator & { clock: ManualClock }> {
  const clock = new ManualClock(START);
  const sim = await startSimulator({ world: shopWorld(faults), clock });
  return { ...sim, clock };
}

export function clients(endpoint: string, region: string, maxAttempts = 3) {
  const config = { endpoint, region, credentials: SIM_CREDENTIALS, maxAttempts };
  return {
    rds: new RDSClient(config),
    docdb: new DocDBClient(config),
    elasticache: new ElastiCacheClient(config),
    route53: new Route53Client(config),
    cloudwatch: new CloudWatchClient(config),
  };
}

/** The rejection of a promise, for asserting on typed SDK errors. */
export async function failure(promise: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number; requestId?: string }; Code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { $metadata?: { httpStatusCode?: number; requestId?: string } };
  }
  throw new Error('expected the call to fail');
}
