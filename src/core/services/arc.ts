// Amazon Application Recovery Controller (ARC) routing controls: on/off switches served by a cluster's five
// regional data-plane endpoints (AWS-API-2.md §1). The runbook declares the cluster's endpoints, so no
// control-plane call (DescribeCluster, us-west-2) is made at failover time; the port tries the endpoints
// in turn until one answers.
import * as z from 'zod';
import { defineService, describeResource } from './contract';
import { codeParam, Region } from './resource-fields';

export type RoutingControlState = 'On' | 'Off';

/** One of a cluster's regional endpoints, as DescribeCluster lists it ({Endpoint, Region}). */
export interface ClusterEndpoint {
  region: string;
  /** Used as given (AWS's examples show it with and without a trailing /v1: UNCONFIRMED). */
  endpoint: string;
}

export interface RoutingControlView {
  arn: string;
  name?: string;
  state: RoutingControlState;
}

/** An endpoint that did not answer, and what it said (for people and the journal). */
export interface EndpointFailure {
  region: string;
  endpoint: string;
  /** e.g. "EndpointTemporarilyUnavailableException", "ECONNRESET". */
  error: string;
}

/** What the cluster answered, which endpoint answered it, and the endpoints tried before it. */
export interface ClusterAnswer<T> {
  value: T;
  answeredBy: ClusterEndpoint;
  failed: EndpointFailure[];
}

export interface EndpointProbe {
  endpoint: ClusterEndpoint;
  /** The control's state as this endpoint reads it; absent when it did not answer. */
  state?: RoutingControlState;
  error?: string;
}

export interface RoutingControlUpdate {
  arn: string;
  state: RoutingControlState;
}

export interface RoutingControlPort {
  /** GetRoutingControlState of each control, from the first endpoint (in a shuffled order) that answers. */
  getRoutingControlStates(endpoints: readonly ClusterEndpoint[], arns: readonly string[]): Promise<ClusterAnswer<RoutingControlView[]>>;
  /** UpdateRoutingControlStates: every entry in one transaction, through the first endpoint that answers. */
  updateRoutingControlStates(
    endpoints: readonly ClusterEndpoint[],
    updates: readonly RoutingControlUpdate[],
    safetyRulesToOverride: readonly string[],
  ): Promise<ClusterAnswer<null>>;
  /** One GetRoutingControlState through every endpoint: which of them answer now. */
  getStateFromEachEndpoint(endpoints: readonly ClusterEndpoint[], arn: string): Promise<EndpointProbe[]>;
}

const ARN = /^arn:[\w-]+:route53-recovery-control::\d*:[A-Za-z0-9:./_-]+$/;
const CLUSTER_ARN = /^arn:[\w-]+:route53-recovery-control::\d*:cluster\/[A-Za-z0-9._-]+$/;

/** arn:aws:route53-recovery-control::<account>:cluster/<id>, as DescribeCluster takes it. */
export const isClusterArn = (text: string) => CLUSTER_ARN.test(text);

const arn = (what: string) => z.string().regex(ARN, { message: `is not an ARC ${what} ARN (arn:aws:route53-recovery-control::<account>:...)` });

/** The command that fills a cluster's endpoints in, once, ahead of time (named by the problem's hint). */
const describeClusterCommand = (clusterArn: string, runbook = '<runbook>') => `drctl arc describe ${clusterArn} --write ${runbook}`;

export const ArcCluster = z
  .strictObject({
    type: z.literal('arc-cluster'),
    clusterArn: arn('cluster'),
    endpoints: z
      .array(z.strictObject({ region: Region, endpoint: z.url() }))
      .min(1)
      .max(5)
      // Absent is a problem of its own below, whose hint names the command that fills them in.
      .default([])
      .meta({ description: "The cluster's regional endpoints ({region, endpoint}, from DescribeCluster): drctl tries them in turn. `drctl arc describe <clusterArn> --write <runbook>` fills them in." }),
    description: z.string().optional(),
  })
  .superRefine((cluster, ctx) => {
    if (cluster.endpoints.length > 0) return;
    ctx.addIssue({
      code: 'custom',
      message: 'declares no endpoints: a failover reads and sets routing controls through them, with no control-plane call',
      // {runbook} in the hint is the runbook's path (schema-problems.ts).
      params: {
        ...codeParam('runbook.arc-endpoints-missing').params,
        hint: `Fill them in once, ahead of time, from ARC's control plane (us-west-2): \`${describeClusterCommand(cluster.clusterArn, '{runbook}')}\`.`,
      },
    });
  });

export const ArcRoutingControl = z.strictObject({
  type: z.literal('arc-routing-control'),
  cluster: z.string().min(1).meta({ description: 'The name of the arc-cluster resource that serves it.' }),
  routingControlArn: arn('routing control'),
  region: Region.optional().meta({ description: 'The region whose traffic it lets in (On) or keeps out (Off).' }),
  description: z.string().optional(),
});

export const arc = defineService<RoutingControlPort>()({
  id: 'arc',
  title: 'ARC',
  iamPrefix: 'route53-recovery-cluster',
  plane: 'data',
  // Each call goes to one cluster endpoint, in its own region: a region's outage takes its endpoint down.
  scope: 'regional',
  methods: { getRoutingControlStates: 'read', updateRoutingControlStates: 'mutate', getStateFromEachEndpoint: 'read' },
  operations: {
    GetRoutingControlState: 'read',
    ListRoutingControls: 'read',
    UpdateRoutingControlState: 'mutate',
    UpdateRoutingControlStates: 'mutate',
  },
  resources: [ArcCluster, ArcRoutingControl],
  resourceInfo: {
    ...describeResource(ArcCluster, {
      one: 'ARC cluster',
      many: 'ARC clusters',
      id: (resource) => resource.clusterArn,
      listCommand: () => 'aws route53-recovery-control-config list-clusters --region us-west-2',
    }),
    ...describeResource(ArcRoutingControl, {
      one: 'ARC routing control',
      many: 'ARC routing controls',
      id: (resource) => resource.routingControlArn,
      listCommand: () => 'aws route53-recovery-control-config list-control-panels --region us-west-2',
    }),
  },
});
