// Shared fixtures for the simulator tests: the shop world (test/helpers/shop-world.ts) on a manual clock,
// and real SDK clients pointed at a running simulator.
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { DocDBClient } from '@aws-sdk/client-docdb';
import { ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { RDSClient } from '@aws-sdk/client-rds';
import { Route53Client } from '@aws-sdk/client-route-53';
import { ManualClock } from '../../src/sim/clock';
import { SIM_CREDENTIALS, startSimulator, type RunningSimulator } from '../../src/sim/index';
import { createWorld, type SimWorld } from '../../src/sim/world';
import type { FaultSpecInput } from '../../src/sim/world-faults-spec';
import { shopWorld } from '../helpers/shop-world';

export const START = Date.UTC(2026, 0, 5, 9, 0, 0);
export const SECOND = 1_000;
export const MINUTE = 60_000;

export const ORDERS_EAST = 'arn:aws:rds:us-east-1:123456789012:cluster:shop-orders-use1';
export const ORDERS_WEST = 'arn:aws:rds:us-west-2:123456789012:cluster:shop-orders-usw2';
export const CATALOG_WEST = 'arn:aws:rds:us-west-2:123456789012:cluster:shop-catalog-usw2';

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
