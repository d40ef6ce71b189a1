// `drctl arc describe` over the fake control plane: what an engineer sees when the cluster is not ready,
// when the ARN names no cluster, when the runbook changes under it, and when the file cannot be written
// (each time the runbook is left as it was).
import { lstat, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeCluster, readTarget, writeEndpoints } from '../../commands/arc';
import { FakeAws } from '../helpers/fake-aws';
import { FAKE_ARC } from '../helpers/fake-shop';

const PANEL = FAKE_ARC.east.replace(/\/routingcontrol\/.*$/, '');
const RUNBOOK = `apiVersion: drctl/v1
kind: Runbook
metadata: { name: shop }
spec:
  resources:
    shop-arc:   # the shop's cluster
      type: arc-cluster
      clusterArn: ${FAKE_ARC.cluster}
    east-traffic: { type: arc-routing-control, cluster: shop-arc, region: us-east-1, routingControlArn: "${FAKE_ARC.east}" }
    gone: { type: arc-routing-control, cluster: shop-arc, routingControlArn: "${PANEL}/routingcontrol/gone" }
  steps: []
`;

function fakeCluster(endpoints = FAKE_ARC.endpoints, status = 'DEPLOYED') {
  const aws = new FakeAws();
  aws['arc-config'].add({
    cluster: { arn: FAKE_ARC.cluster, name: 'shop', status, endpoints },
    panels: [{
      arn: PANEL, name: 'shop', status: 'DEPLOYED', isDefault: false,
      controls: [{ arn: FAKE_ARC.east, name: 'east', status: 'DEPLOYED', controlPanelArn: PANEL }, { arn: FAKE_ARC.west, name: 'traffic-us-west-2', status: 'DEPLOYED', controlPanelArn: PANEL }],
    }],
  });
  return aws;
}

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'drctl-arc-describe-'));
  file = path.join(dir, 'shop.yaml');
  await writeFile(file, RUNBOOK);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('drctl arc describe', () => {
  it("proposes the runbook's own names, a region read from a control's name, and names a control no panel lists", async () => {
    const aws = fakeCluster();
    const report = await describeCluster(aws['arc-config'], FAKE_ARC.cluster, await readTarget(file, 'shop.yaml', FAKE_ARC.cluster));

    expect(report.proposed.cluster).toEqual({ name: 'shop-arc', resource: { type: 'arc-cluster', clusterArn: FAKE_ARC.cluster, endpoints: FAKE_ARC.endpoints } });
    expect(report.proposed.controls.map((control) => [control.name, control.resource.region, control.region])).toEqual([['east-traffic', 'us-east-1', 'from-runbook'], ['traffic-us-west-2', 'us-west-2', 'from-name']]);
    expect(report.strayControls).toEqual([{ name: 'gone', arn: `${PANEL}/routingcontrol/gone` }]);
    // Control-plane reads only, all in us-west-2.
    expect(aws.calls.map((call) => `${call.region} ${call.operation}`)).toEqual(['us-west-2 DescribeCluster', 'us-west-2 ListControlPanels', 'us-west-2 ListRoutingControls', 'us-west-2 ListSafetyRules']);
  });

  it('says a cluster still being created has no endpoints yet (arc.cluster-not-ready)', async () => {
    const error = await describeCluster(fakeCluster([], 'PENDING')['arc-config'], FAKE_ARC.cluster, undefined).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'arc.cluster-not-ready', message: 'ARC cluster shop has no endpoints yet (PENDING)', hint: expect.stringContaining('DEPLOYED') });
  });

  it('points an unknown ARN at list-clusters', async () => {
    const error = await describeCluster(fakeCluster()['arc-config'], `${FAKE_ARC.cluster}x`, undefined).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'aws.not-found', hint: expect.stringContaining('list-clusters --region us-west-2') });
  });

  it('refuses --write for a runbook without that cluster before any AWS call (arc.cluster-not-in-runbook)', async () => {
    const error = await readTarget(file, 'shop.yaml', `${FAKE_ARC.cluster}x`).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'arc.cluster-not-in-runbook', message: expect.stringContaining(`its ARC clusters: shop-arc (${FAKE_ARC.cluster})`) });
  });

  it('does not overwrite a runbook saved meanwhile (arc.runbook-changed)', async () => {
    const target = await readTarget(file, 'shop.yaml', FAKE_ARC.cluster);
    const report = await describeCluster(fakeCluster()['arc-config'], FAKE_ARC.cluster, target);
    const theirs = `${RUNBOOK}# saved by a colleague\n`;
    await writeFile(file, theirs);

    await expect(writeEndpoints(target, report)).rejects.toMatchObject({ code: 'arc.runbook-changed' });
    expect(await readFile(file, 'utf8')).toBe(theirs);
  });

  it('leaves the runbook unchanged when the new file cannot be written (arc.write-failed)', async () => {
    const target = await readTarget(file, 'shop.yaml', FAKE_ARC.cluster);
    const report = await describeCluster(fakeCluster()['arc-config'], FAKE_ARC.cluster, target);
    // The temporary file's name taken by a directory: writing it fails as a full disk would.
    await mkdir(path.join(dir, `.shop.yaml.drctl-${process.pid}`));

    await expect(writeEndpoints(target, report)).rejects.toMatchObject({ code: 'arc.write-failed', message: 'shop.yaml was not changed: EISDIR' });
    expect(await readFile(file, 'utf8')).toBe(RUNBOOK);
  });

  it('writes the endpoints in place, keeping the comments, and then has nothing more to write', async () => {
    const target = await readTarget(file, 'shop.yaml', FAKE_ARC.cluster);
    const written = await writeEndpoints(target, await describeCluster(fakeCluster()['arc-config'], FAKE_ARC.cluster, target));
    expect(written).toEqual({ file: 'shop.yaml', changed: [{ name: 'shop-arc', before: [] }], unchanged: [] });
    const text = await readFile(file, 'utf8');
    expect(text).toContain(`    shop-arc:   # the shop's cluster\n      type: arc-cluster\n      clusterArn: ${FAKE_ARC.cluster}\n      endpoints:\n        - { region: us-east-1, endpoint: "${FAKE_ARC.endpoints[0]!.endpoint}" }\n`);

    const again = await readTarget(file, 'shop.yaml', FAKE_ARC.cluster);
    expect(await writeEndpoints(again, await describeCluster(fakeCluster()['arc-config'], FAKE_ARC.cluster, again))).toEqual({ file: 'shop.yaml', changed: [], unchanged: ['shop-arc'] });
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('fills the file a symlinked runbook points to, and leaves the link a link', async () => {
    const link = path.join(dir, 'linked.yaml');
    await symlink(file, link);
    const target = await readTarget(link, 'linked.yaml', FAKE_ARC.cluster);
    await writeEndpoints(target, await describeCluster(fakeCluster()['arc-config'], FAKE_ARC.cluster, target));

    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(file, 'utf8')).toContain(`endpoint: "${FAKE_ARC.endpoints[4]!.endpoint}"`);
  });
});
