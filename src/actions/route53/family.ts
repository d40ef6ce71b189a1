// Route 53: wait for or assert a health check's state, invert a health check to force DNS failover, and
// UPSERT failover or weighted records. Route 53 is global (calls are signed for us-east-1).
import type { ActionFamily } from '../../core/define-action';
import { healthActions } from './health-actions';
import { setRecordsAction } from './set-records';

export const route53Family: ActionFamily = { name: 'route53', actions: [...healthActions, setRecordsAction], checks: [] };
