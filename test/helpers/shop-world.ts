// The one world builder: the shop from DESIGN.md as the simulator's world (generated from the shop's
// resources as `--sim` does), with faults as a world file declares them. The simulator suites start it
// in-process; the end-to-end suites write it as a world file (shopWorldFile) for `--sim <file>`.
import type { Resource } from '../../src/core/resources';
import { FaultSpec, type FaultSpecInput } from '../../src/sim/world-faults-spec';
import { worldToYaml } from '../../src/sim/world-file';
import { generateWorld } from '../../src/sim/world-generate';
import type { WorldSpec } from '../../src/sim/world-spec';

export const SHOP_RESOURCES: Record<string, Resource> = {
  'orders-db': { type: 'aurora-global', globalClusterId: 'shop-orders' },
  'catalog-db': { type: 'docdb-global', globalClusterId: 'shop-catalog' },
  sessions: { type: 'elasticache-global', globalReplicationGroupId: 'ldgnf-shop-sessions' },
  'api-east': { type: 'route53-health-check', healthCheckId: 'hc-east', region: 'us-east-1' },
  'api-west': { type: 'route53-health-check', healthCheckId: 'hc-west', region: 'us-west-2' },
  api: { type: 'route53-record-set', hostedZoneId: 'Z0SHOP', name: 'api.shop.example.com', recordType: 'A' },
};

/** The shop world (two regions, healthy), with faults declared as in a world file. */
export function shopWorld(faults: FaultSpecInput[] = [], seed = 7): WorldSpec {
  const world = generateWorld(SHOP_RESOURCES, { seed, name: 'shop' });
  return { ...world, spec: { ...world.spec, faults: faults.map((fault) => FaultSpec.parse(fault)) } };
}


/** The same world as a world file, for `drctl ... --sim <file>`. */
export function shopWorldFile(faults: FaultSpecInput[] = []): string {
  return worldToYaml(shopWorld(faults));
}
