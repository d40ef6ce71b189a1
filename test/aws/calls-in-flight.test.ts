// A 200-store failover at --max-parallel 200 polls 200 resources at once. Each SDK call in flight holds
// its middleware stack, a socket and a parsed response: unbounded, they pushed drctl past 200 MB. The
// ports keep a bounded number in flight and serve the rest in arrival order, so no step starves.
import * as rds from '@aws-sdk/client-rds';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CALLS_IN_FLIGHT } from '../../src/aws/client-pool';
import { inputOf, testPorts } from './helpers';

const mock = mockClient(rds.RDSClient);
afterAll(() => mock.restore());
afterEach(() => mock.reset());

describe('AWS calls in flight', () => {
  it('keeps at most a bounded number in flight, and starts the rest in the order they were asked', async () => {
    let inFlight = 0;
    let most = 0;
    const started: string[] = [];
    const release: Array<() => void> = [];
    mock.on(rds.DescribeGlobalClustersCommand).callsFake(async (input: { GlobalClusterIdentifier: string }) => {
      started.push(input.GlobalClusterIdentifier);
      most = Math.max(most, ++inFlight);
      await new Promise<void>((resolve) => release.push(resolve));
      inFlight--;
      return { GlobalClusters: [{ GlobalClusterIdentifier: input.GlobalClusterIdentifier, Status: 'available', GlobalClusterMembers: [] }] };
    });
    const ports = testPorts();
    const ids = Array.from({ length: 200 }, (_, index) => `store-${index}`);
    const all = Promise.all(ids.map((id) => ports.rds.describeGlobalCluster('us-east-1', id)));
    // Release the calls one at a time, as answers come back in any real run.
    while (started.length < ids.length || release.length > 0) {
      await new Promise((resolve) => setImmediate(resolve));
      release.shift()?.();
    }
    const views = await all;
    ports.close();
    expect(views.map((view) => view.id)).toEqual(ids);
    expect(most).toBe(DEFAULT_CALLS_IN_FLIGHT);
    expect(started).toEqual(ids);
    expect(mock.commandCalls(rds.DescribeGlobalClustersCommand).map(inputOf)).toHaveLength(200);
  });
});
