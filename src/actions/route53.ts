// Route 53: wait for or assert a health check's state, invert a health check to force DNS failover, and
// UPSERT failover or weighted records. Route 53 is global (calls are signed for us-east-1).
import type { RegisteredAction } from '../core/define-action';
import { healthActions } from './route53/health-actions';
import { setRecordsAction } from './route53/set-records';

export const route53Actions: RegisteredAction[] = [...healthActions, setRecordsAction];
