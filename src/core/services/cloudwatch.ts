// Amazon CloudWatch: metric series (replication lag, read in the secondary's region).
import { defineService } from './contract';

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

export interface MetricsPort {
  /** Newest first. An empty list means no data (normal when asking the wrong region). */
  getMetricSeries(region: string, query: MetricQuery): Promise<MetricPoint[]>;
}

export const cloudwatch = defineService<MetricsPort>()({
  id: 'cloudwatch',
  title: 'CloudWatch',
  iamPrefix: 'cloudwatch',
  // Reading metrics, drctl's reading: CloudWatch is regional, so the region is what matters here.
  plane: 'data',
  scope: 'regional',
  methods: { getMetricSeries: 'read' },
  operations: { GetMetricData: 'read' },
  resources: [],
  resourceInfo: {},
});
