// Amazon CloudWatch: metric series (replication lag, read in the secondary's region), the dimension sets a
// metric is published under (ListMetrics), and alarm states (the application's health, DescribeAlarms).
import * as z from 'zod';
import { defineService, describeResource } from './contract';
import { Region } from './resource-fields';

export interface MetricQuery {
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
  stat: 'Maximum' | 'Average' | 'Minimum';
  periodSeconds: number;
  start: Date;
  end: Date;
}

export interface MetricPoint {
  timestamp: Date;
  value: number;
}

/** A metric as ListMetrics names it: its exact dimension set is what GetMetricData must ask for. */
export interface MetricIdentity {
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
}

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export interface AlarmView {
  name: string;
  kind: 'metric' | 'composite';
  state: AlarmState;
  reason?: string;
  /** When StateValue last changed (StateTransitionedTimestamp): "OK for N seconds" counts from here. */
  transitionedAt?: Date;
}

export interface MetricsPort {
  /** Newest first. An empty list means no data (normal when asking the wrong region). */
  getMetricSeries(region: string, query: MetricQuery): Promise<MetricPoint[]>;
  /**
   * Every metric of that name whose dimensions include these (ListMetrics, all pages): "If you specify
   * one dimension name and a metric has that dimension and also other dimensions, it will be returned".
   */
  listMetrics(region: string, filter: MetricIdentity): Promise<MetricIdentity[]>;
  /**
   * The named alarms, metric and composite alike (DescribeAlarms with both AlarmTypes: without them
   * composites are left out). A name AWS does not know is silently absent: callers diff.
   */
  describeAlarms(region: string, names: readonly string[]): Promise<AlarmView[]>;
}

export const CloudWatchAlarm = z.strictObject({
  type: z.literal('cloudwatch-alarm'),
  alarmName: z.string().min(1).max(255).meta({ description: 'A metric or composite alarm that is OK while the application is healthy.' }),
  region: Region.meta({ description: 'The region the alarm lives in (and watches).' }),
  description: z.string().optional(),
});

export const cloudwatch = defineService<MetricsPort>()({
  id: 'cloudwatch',
  title: 'CloudWatch',
  iamPrefix: 'cloudwatch',
  // Reading metrics, drctl's reading: CloudWatch is regional, so the region is what matters here.
  plane: 'data',
  scope: 'regional',
  methods: { getMetricSeries: 'read', listMetrics: 'read', describeAlarms: 'read' },
  operations: { GetMetricData: 'read', ListMetrics: 'read', DescribeAlarms: 'read' },
  resources: [CloudWatchAlarm],
  resourceInfo: {
    ...describeResource(CloudWatchAlarm, {
      one: 'CloudWatch alarm',
      many: 'CloudWatch alarms',
      id: (resource) => resource.alarmName,
      listCommand: (_resource, region) => `aws cloudwatch describe-alarms --region ${region} --alarm-types MetricAlarm CompositeAlarm --query "[MetricAlarms,CompositeAlarms][].AlarmName"`,
    }),
  },
});
