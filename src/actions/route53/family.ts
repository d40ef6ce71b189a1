// Route 53: wait for or assert a health check's state, invert a health check to force DNS failover, and
// UPSERT failover or weighted records, point an application's CNAME at a writer's endpoint. Route 53 is
// global (calls are signed for us-east-1).
import type { ActionFamily } from '../../core/define-action';
import { healthActions } from './health-actions';
import { pointToWriterAction } from './point-to-writer';
import { setRecordsAction } from './set-records';

export const route53Family: ActionFamily = { name: 'route53', actions: [...healthActions, setRecordsAction, pointToWriterAction], checks: [] };
