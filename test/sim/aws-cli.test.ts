// The simulator is for other clients too (`drctl sim serve`): the installed AWS CLI fails over a global
// cluster against it. Skipped, with a message, where no `aws` is on PATH.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_CREDENTIALS, startSimulator, type RunningSimulator } from '../../src/sim/index';
import { MINUTE, ORDERS_WEST } from './helpers';
import { shopWorld } from '../helpers/shop-world';

const run = promisify(execFile);

/** The parts of the CLI's JSON output this test reads. */
interface CliGlobalCluster {
  GlobalClusterIdentifier?: string;
  FailoverState?: Record<string, unknown>;
  GlobalClusterMembers: Array<{ DBClusterArn: string; IsWriter: boolean }>;
}
interface CliGlobalClusterOutput {
  GlobalCluster?: CliGlobalCluster;
  GlobalClusters?: CliGlobalCluster[];
}

async function awsCliAvailable(): Promise<boolean> {
  try {
    await run('aws', ['--version'], { timeout: 15_000 });
    return true;
  } catch {
    return false;
  }
}

const available = await awsCliAvailable();
if (!available) console.warn('[sim] skipping the AWS CLI test: no `aws` command on PATH');

describe.skipIf(!available)('AWS CLI against the simulator', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    // A served world at x1000: the CLI lives on wall time, and a 45-60 s failover is over within 60 ms.
    sim = await startSimulator({ world: shopWorld(), timeScale: 1000 });
  });
  afterAll(async () => {
    await sim.close();
  });

  const aws = async (...args: string[]) => {
    const endpoint = args[0] === 'docdb' ? `${sim.endpoint}/docdb` : sim.endpoint;
    const { stdout } = await run('aws', [...args, '--endpoint-url', endpoint, '--output', 'json'], {
      timeout: 30_000,
      env: {
        ...process.env,
        AWS_ACCESS_KEY_ID: SIM_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: SIM_CREDENTIALS.secretAccessKey,
        AWS_DEFAULT_REGION: 'us-west-2',
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      },
    });
    return JSON.parse(stdout) as CliGlobalClusterOutput;
  };

  it('fails over a global cluster with aws rds failover-global-cluster --allow-data-loss', async () => {
    const out = await aws('rds', 'failover-global-cluster', '--global-cluster-identifier', 'shop-orders', '--target-db-cluster-identifier', ORDERS_WEST, '--allow-data-loss');
    expect(out.GlobalCluster?.FailoverState).toMatchObject({ Status: 'pending', ToDbClusterArn: ORDERS_WEST, IsDataLossAllowed: true });
    await sim.clock.sleep((2 * MINUTE) / 1000);
    const after = await aws('rds', 'describe-global-clusters', '--global-cluster-identifier', 'shop-orders');
    const writer = after.GlobalClusters?.[0]?.GlobalClusterMembers.find((member) => member.IsWriter);
    expect(writer?.DBClusterArn).toBe(ORDERS_WEST);
    expect(sim.world.writerOf('shop-orders')?.region).toBe('us-west-2');
    expect(sim.world.operations[0]).toMatchObject({ service: 'rds', operation: 'FailoverGlobalCluster(AllowDataLoss)', outcome: 'completed' });
  });

  it('lists only DocumentDB global clusters with aws docdb describe-global-clusters (at <endpoint>/docdb)', async () => {
    const out = await aws('docdb', 'describe-global-clusters');
    expect(out.GlobalClusters?.map((global) => global.GlobalClusterIdentifier)).toEqual(['shop-catalog']);
  });
});
