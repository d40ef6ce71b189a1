// ARC's control plane through drctl's own restJson1 client (no SDK package), on the wire against a loopback
// stub: the method and the path with the percent-encoded ARN, the query, the SigV4 signature (checked
// by an independent implementation of AWS's algorithm) scoped us-west-2/route53-recovery-control-config
// whatever region the CLI uses, the user agent and the pool's timeouts, pagination, the mapping of each
// answer, and errors with a capital-M Message mapped to drctl's kinds.
import { createHash, createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isAwsError } from '../../src/aws';
import { ClientPool } from '../../src/aws/client-pool';
import { installMiddleware } from '../../src/aws/middleware';
import { ArcControlConfigClient, DescribeClusterCommand } from '../../src/aws/services/arc-config-client';
import type { ApiCallRecord } from '../../src/core/api-calls';
import { VERSION } from '../../src/core/version';
import { TEST_CREDENTIALS, testPorts } from './helpers';
import { type RecordedRequest, SILENT, startStubServer, type StubAnswer, type StubServer } from './stub-server';

const CLUSTER = 'arn:aws:route53-recovery-control::111122223333:cluster/abc-123';
const PANEL = 'arn:aws:route53-recovery-control::111122223333:controlpanel/p1';
const ENCODED_CLUSTER = 'arn%3Aaws%3Aroute53-recovery-control%3A%3A111122223333%3Acluster%2Fabc-123';
const ENDPOINTS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1', 'ap-southeast-2'].map((region) => ({ Endpoint: `https://abc.route53-recovery-cluster.${region}.amazonaws.com/v1`, Region: region }));

const json = (status: number, body: object, errorType?: string): StubAnswer => ({
  status,
  body: JSON.stringify(body),
  contentType: 'application/json',
  ...(errorType ? { headers: { 'x-amzn-errortype': errorType } } : {}),
});

let stub: StubServer;
let answer: (request: RecordedRequest) => StubAnswer | typeof SILENT | undefined = () => undefined;
let ports: ReturnType<typeof testPorts> | undefined;
beforeAll(async () => {
  stub = await startStubServer((request) => answer(request));
});
afterEach(() => {
  ports?.close();
  stub.requests.length = 0;
  answer = () => undefined;
});
afterAll(() => stub.close());

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text).digest();
const rfc3986 = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** AWS's SigV4, written from its documentation: each path segment encoded once more (every service but S3). */
function expectedSignature(request: RecordedRequest, secret: string): string {
  const [, scope = '', signedHeaders = ''] = /Credential=[^/]+\/([^,]+), SignedHeaders=([^,]+), Signature=/.exec(String(request.headers.authorization)) ?? [];
  const [date = '', region = '', service = ''] = scope.split('/');
  const url = new URL(request.url, 'http://stub');
  const path = url.pathname.split('/').map(rfc3986).join('/');
  const query = [...url.searchParams].map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).sort().join('&');
  const headers = signedHeaders.split(';').map((name) => `${name}:${String(request.headers[name]).trim()}\n`).join('');
  const canonical = [request.method, path, query, headers, signedHeaders, sha256(request.body)].join('\n');
  const toSign = ['AWS4-HMAC-SHA256', String(request.headers['x-amz-date']), scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
  return createHmac('sha256', key).update(toSign).digest('hex');
}

describe("ARC's control plane, signed and sent by drctl's restJson1 client", () => {
  it('DescribeCluster: GET /cluster/<percent-encoded ARN>, signed for us-west-2/route53-recovery-control-config, the five endpoints as given', async () => {
    answer = () => json(200, { Cluster: { ClusterArn: CLUSTER, ClusterEndpoints: ENDPOINTS, Name: 'shop', Status: 'DEPLOYED', Owner: '111122223333', NetworkType: 'IPV4' } });
    ports = testPorts({ endpointUrl: stub.url, region: 'eu-west-1', userAgent: 'ci/github-actions' });
    const cluster = await ports['arc-config'].describeCluster(CLUSTER);

    expect(cluster).toEqual({ arn: CLUSTER, name: 'shop', status: 'DEPLOYED', networkType: 'IPV4', endpoints: ENDPOINTS.map(({ Endpoint, Region }) => ({ region: Region, endpoint: Endpoint })) });
    const [request] = stub.requests;
    expect(request).toMatchObject({ method: 'GET', url: `/cluster/${ENCODED_CLUSTER}`, body: '' });
    const authorization = String(request!.headers.authorization);
    expect(authorization).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=${TEST_CREDENTIALS.accessKeyId}/\\d{8}/us-west-2/route53-recovery-control-config/aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, Signature=[0-9a-f]{64}$`));
    expect(authorization.split('Signature=')[1]).toBe(expectedSignature(request!, TEST_CREDENTIALS.secretAccessKey));
    expect(request!.headers['x-amz-security-token']).toBe(TEST_CREDENTIALS.sessionToken);
    expect(String(request!.headers['user-agent'])).toMatch(new RegExp(`^drctl/${VERSION} ci/github-actions .*api/route53-recovery-control-config`));
  });

  it('ListControlPanels: the cluster as a query parameter, every page followed by NextToken', async () => {
    answer = (request) =>
      new URL(request.url, 'http://stub').searchParams.get('NextToken') === 'p2'
        ? json(200, { ControlPanels: [{ ControlPanelArn: `${PANEL}b`, Name: 'second', Status: 'PENDING', DefaultControlPanel: true, ClusterArn: CLUSTER }] })
        : json(200, { ControlPanels: [{ ControlPanelArn: PANEL, Name: 'shop', Status: 'DEPLOYED', DefaultControlPanel: false, RoutingControlCount: 2, ClusterArn: CLUSTER }], NextToken: 'p2' });
    ports = testPorts({ endpointUrl: stub.url });
    const panels = await ports['arc-config'].listControlPanels(CLUSTER);

    expect(panels).toEqual([
      { arn: PANEL, name: 'shop', status: 'DEPLOYED', isDefault: false, routingControlCount: 2 },
      { arn: `${PANEL}b`, name: 'second', status: 'PENDING', isDefault: true },
    ]);
    expect(stub.requests.map((request) => request.url)).toEqual([`/controlpanels?ClusterArn=${ENCODED_CLUSTER}`, `/controlpanels?ClusterArn=${ENCODED_CLUSTER}&NextToken=p2`]);
    for (const request of stub.requests) expect(String(request.headers.authorization).split('Signature=')[1]).toBe(expectedSignature(request, TEST_CREDENTIALS.secretAccessKey));
  });

  it("ListRoutingControls and ListSafetyRules: the panel's ARN in the path; Name (not RoutingControlName), ASSERTION and GATING rules", async () => {
    const control = (id: string) => `${PANEL}/routingcontrol/${id}`;
    answer = (request) =>
      request.url.endsWith('/routingcontrols')
        ? json(200, { RoutingControls: [{ ControlPanelArn: PANEL, Name: 'east-use1', RoutingControlArn: control('east'), Status: 'DEPLOYED', Owner: '111122223333' }] })
        : json(200, {
            SafetyRules: [
              { ASSERTION: { AssertedControls: [control('east'), control('west')], ControlPanelArn: PANEL, Name: 'one-on', RuleConfig: { Type: 'ATLEAST', Threshold: 1, Inverted: false }, SafetyRuleArn: `${PANEL}/safetyrule/one-on`, Status: 'DEPLOYED', WaitPeriodMs: 5000 } },
              { GATING: { GatingControls: [control('gate')], TargetControls: [control('east')], ControlPanelArn: PANEL, Name: 'gate', RuleConfig: { Type: 'AND', Threshold: 0, Inverted: true }, SafetyRuleArn: `${PANEL}/safetyrule/gate`, Status: 'PENDING', WaitPeriodMs: 1000 } },
            ],
          });
    ports = testPorts({ endpointUrl: stub.url });
    const controls = await ports['arc-config'].listRoutingControls(PANEL);
    const rules = await ports['arc-config'].listSafetyRules(PANEL);

    expect(stub.requests.map((request) => request.url)).toEqual([
      '/controlpanel/arn%3Aaws%3Aroute53-recovery-control%3A%3A111122223333%3Acontrolpanel%2Fp1/routingcontrols',
      '/controlpanel/arn%3Aaws%3Aroute53-recovery-control%3A%3A111122223333%3Acontrolpanel%2Fp1/safetyrules',
    ]);
    expect(controls).toEqual([{ arn: control('east'), name: 'east-use1', status: 'DEPLOYED', controlPanelArn: PANEL }]);
    expect(rules).toEqual([
      { arn: `${PANEL}/safetyrule/one-on`, name: 'one-on', kind: 'ASSERTION', status: 'DEPLOYED', controlPanelArn: PANEL, rule: { type: 'ATLEAST', threshold: 1, inverted: false }, controls: [control('east'), control('west')], targets: [], waitPeriodMs: 5000 },
      { arn: `${PANEL}/safetyrule/gate`, name: 'gate', kind: 'GATING', status: 'PENDING', controlPanelArn: PANEL, rule: { type: 'AND', threshold: 0, inverted: true }, controls: [control('gate')], targets: [control('east')], waitPeriodMs: 1000 },
    ]);
  });

  it.each([
    { status: 404, type: 'ResourceNotFoundException', kind: 'not-found', said: undefined },
    { status: 403, type: 'AccessDeniedException', kind: 'access-denied', said: 'User: arn:aws:iam::111122223333:user/x is not authorized' },
    { status: 429, type: 'ThrottlingException', kind: 'throttled', said: undefined },
    { status: 400, type: 'ValidationException', kind: 'invalid-request', said: 'ClusterArn is malformed' },
    { status: 500, type: 'InternalServerException', kind: 'service', said: 'Internal error' },
  ])('maps $type (HTTP $status, capital-M Message) to aws.$kind', async ({ status, type, kind, said }) => {
    answer = () => json(status, { Message: said ?? `${type} says so` }, `${type}:http://internal.amazon.com/coral/com.amazonaws.route53recoverycontrolconfig/`);
    ports = testPorts({ endpointUrl: stub.url });
    const error = await ports['arc-config'].describeCluster(CLUSTER).catch((e: unknown) => e);

    expect(isAwsError(error, kind as never)).toBe(true);
    expect(error).toMatchObject({ details: { service: 'arc-config', region: 'us-west-2', operation: 'DescribeCluster', awsCode: type, httpStatus: status, requestId: 'stub-1' } });
    expect((error as Error).message).toContain(`ARC's control plane DescribeCluster in us-west-2`);
    if (said) expect((error as Error).message).toContain(said);
    if (kind === 'access-denied') expect((error as { hint: string }).hint).toContain('route53-recovery-control-config:DescribeCluster');
  });

  it('reads the error type from the body when the header is absent, and says so when there is none', async () => {
    answer = () => json(404, { __type: 'com.amazonaws.route53recoverycontrolconfig#ResourceNotFoundException', Message: 'no such cluster' });
    ports = testPorts({ endpointUrl: stub.url });
    await expect(ports['arc-config'].describeCluster(CLUSTER)).rejects.toMatchObject({ code: 'aws.not-found', details: { awsCode: 'ResourceNotFoundException' } });
    answer = () => ({ status: 502, body: '<html>Bad Gateway</html>', contentType: 'text/html' });
    await expect(ports['arc-config'].describeCluster(CLUSTER)).rejects.toMatchObject({ code: 'aws.service', message: expect.stringContaining('(HTTP 502): the answer was not a response drctl can read') });
  });

  it('retries a throttled or failing read as the standard mode does, and records the attempts', async () => {
    let calls = 0;
    answer = () => (++calls === 1 ? json(429, { Message: 'Rate exceeded' }, 'ThrottlingException') : json(200, { Cluster: { ClusterArn: CLUSTER, ClusterEndpoints: ENDPOINTS, Name: 'shop', Status: 'DEPLOYED' } }));
    const waits: number[] = [];
    const client = new ArcControlConfigClient({ region: 'us-west-2', credentials: TEST_CREDENTIALS, endpoint: stub.url, maxAttempts: 3, sleep: async (ms) => void waits.push(ms), random: () => 0.5 });
    const records: ApiCallRecord[] = [];
    installMiddleware(client, { service: 'arc-config', region: 'us-west-2' }, { readOnly: true, onCall: (record) => records.push(record) });

    await expect(client.send(new DescribeClusterCommand({ ClusterArn: CLUSTER }))).resolves.toMatchObject({ Cluster: { Name: 'shop' }, $metadata: { attempts: 2 } });
    expect(waits).toEqual([500]); // half of 2 x 500 ms: throttling backs off from 500 ms
    expect(records).toMatchObject([{ service: 'arc-config', operation: 'DescribeCluster', mutating: false, ok: true, attempts: 2 }]);
    client.destroy();
  });

  it('retries what the SDK clients retry, by the SDK\'s own classification (RequestTimeoutException too)', async () => {
    let calls = 0;
    answer = () => (++calls === 1 ? json(408, { message: 'Request timed out' }, 'RequestTimeoutException') : json(200, { Cluster: { ClusterArn: CLUSTER, ClusterEndpoints: ENDPOINTS, Name: 'shop', Status: 'DEPLOYED' } }));
    const waits: number[] = [];
    const client = new ArcControlConfigClient({ region: 'us-west-2', credentials: TEST_CREDENTIALS, endpoint: stub.url, maxAttempts: 3, sleep: async (ms) => void waits.push(ms), random: () => 0.5 });

    await expect(client.send(new DescribeClusterCommand({ ClusterArn: CLUSTER }))).resolves.toMatchObject({ $metadata: { attempts: 2 } });
    expect(waits).toEqual([100]); // half of 2 x 100 ms: not throttling
    client.destroy();
  });

  it("gets the pool's timeouts, and a silent endpoint fails as unreachable", async () => {
    const pool = new ClientPool({ readOnly: false, credentials: TEST_CREDENTIALS });
    const { client, region } = await pool.get('arc-config', 'eu-west-1');
    expect(region).toBe('us-west-2');
    expect((client as ArcControlConfigClient).config).toMatchObject({ region: 'us-west-2', requestHandler: { connectionTimeout: 3_000, requestTimeout: 10_000 } });
    pool.close();

    answer = () => SILENT;
    const silent = new ArcControlConfigClient({ region: 'us-west-2', credentials: TEST_CREDENTIALS, endpoint: stub.url, maxAttempts: 1, requestHandler: { requestTimeout: 50 } });
    await expect(silent.send(new DescribeClusterCommand({ ClusterArn: CLUSTER }))).rejects.toMatchObject({ name: 'TimeoutError' });
    silent.destroy();
  });
});
