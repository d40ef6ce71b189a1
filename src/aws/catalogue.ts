// src/aws's part of the service catalogue: for every service of src/core/services/catalogue.ts, its SDK
// package and port. Keyed by service id, so a service added to the catalogue without its part here does not
// compile.
import { type AwsPorts, type Service, SERVICE_IDS } from '../core/services/catalogue';
import type { ClientPool } from './client-pool';
import { arcSdk } from './services/arc';
import { arcConfigSdk } from './services/arc-config';
import { cloudwatchSdk } from './services/cloudwatch';
import { docdbSdk } from './services/docdb';
import { elasticacheSdk } from './services/elasticache';
import type { AwsServicePart } from './services/part';
import { rdsSdk } from './services/rds';
import { route53Sdk } from './services/route53';

export const AWS_SERVICES: { readonly [S in Service]: AwsServicePart<S> } = {
  rds: rdsSdk,
  docdb: docdbSdk,
  elasticache: elasticacheSdk,
  route53: route53Sdk,
  cloudwatch: cloudwatchSdk,
  arc: arcSdk,
  'arc-config': arcConfigSdk,
};

/** Every service's port over the pool's clients. */
export function createPorts(pool: ClientPool): AwsPorts {
  const part = <S extends Service>(service: S): AwsServicePart<S> => AWS_SERVICES[service];
  return Object.fromEntries(SERVICE_IDS.map((service) => [service, part(service).createPort(pool)])) as AwsPorts;
}
