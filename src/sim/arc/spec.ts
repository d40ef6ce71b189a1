// The `arc:` section of a world file: ARC clusters, their endpoint regions, routing controls and safety
// rules (docs/simulator.md). Controls and rules are named by ARN, as runbooks and AWS name them.
import * as z from 'zod';
import { SimDuration, SimRegion } from '../world-spec-primitives';

/** The five regions of the example in "Describe a cluster" (whether every cluster has these is UNCONFIRMED). */
export const DEFAULT_ENDPOINT_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1', 'ap-southeast-2'];

const ControlArn = z.string().regex(/^arn:[\w-]+:route53-recovery-control::\d*:controlpanel\/[^/]+\/routingcontrol\/[^/]+$/, {
  message: 'is not a routing control ARN (arn:aws:route53-recovery-control::<account>:controlpanel/<id>/routingcontrol/<id>)',
});

const RuleCommon = {
  name: z.string().min(1),
  /** Default: <control panel ARN>/safetyrule/<name>. */
  arn: z.string().min(1).optional(),
  rule: z.enum(['ATLEAST', 'AND', 'OR']).default('ATLEAST'),
  threshold: z.number().int().min(0).default(1),
  inverted: z.boolean().default(false),
};

export const SafetyRuleSpec = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ASSERTION'), asserted: z.array(ControlArn).min(1), ...RuleCommon }),
  z.strictObject({ type: z.literal('GATING'), gating: z.array(ControlArn).min(1), targets: z.array(ControlArn).min(1), ...RuleCommon }),
]);

/** A region (its endpoint URL made up from the cluster's id), or the region and the URL DescribeCluster gives. */
const ClusterEndpointSpec = z.union([SimRegion, z.strictObject({ region: SimRegion, endpoint: z.url() })]);

export const ArcClusterSpec = z.strictObject({
  clusterArn: z.string().min(1),
  /** What DescribeCluster calls it; default: the id at the end of its ARN. */
  name: z.string().min(1).optional(),
  endpoints: z.array(ClusterEndpointSpec).min(1).max(5).default(DEFAULT_ENDPOINT_REGIONS),
  routingControls: z.array(z.strictObject({ arn: ControlArn, name: z.string().optional(), state: z.enum(['On', 'Off']).default('On') })).default([]),
  safetyRules: z.array(SafetyRuleSpec).default([]),
});

export type ArcClusterSpec = z.output<typeof ArcClusterSpec>;
export type SafetyRuleSpec = z.output<typeof SafetyRuleSpec>;

/** One cluster endpoint stops answering: 503 EndpointTemporarilyUnavailableException, or the connection drops. */
export const ArcEndpointDownFault = z.strictObject({
  type: z.literal('arc-endpoint-down'),
  region: SimRegion,
  at: SimDuration.default('0s'),
  for: SimDuration.optional(),
  mode: z.enum(['503', 'reset']).default('503'),
});
