// The flag rules on their own: pure over what status read.
import { describe, expect, it } from 'vitest';
import { judged } from '../../src/status/flags';
import type { MemberStatus, ResourceStatus } from '../../src/status/model';

const member = (overrides: Partial<MemberStatus>): MemberStatus => ({ id: 'm', region: 'us-west-2', role: 'reader', status: 'available', sync: 'connected', instances: 1, ...overrides });
const resource = (members: MemberStatus[], overrides: Partial<ResourceStatus> = {}): ResourceStatus => ({
  name: 'orders', kind: 'aurora', id: 'shop-orders', status: 'available', members, flags: [], readyTargets: [], ready: false, ...overrides,
});
const writer = member({ id: 'w', region: 'us-east-1', role: 'writer' });

describe('status flags', () => {
  it('a healthy pair is ready to its secondary, with no flag', () => {
    expect(judged(resource([writer, member({ lag: { ms: 50, metric: 'x', missing: false } })]), 1_000)).toMatchObject({ ready: true, readyTargets: ['us-west-2'], flags: [] });
  });

  it('lag exactly at the objective is not above it', () => {
    expect(judged(resource([writer, member({ lag: { ms: 1_000, metric: 'x', missing: false } })]), 1_000).flags).toEqual([]);
  });

  it('a global status other than available means something is under way', () => {
    expect(judged(resource([writer, member({})], { status: 'modifying' }), undefined).flags).toEqual([{ code: 'operation-under-way', message: 'the global cluster is modifying', blocking: true }]);
  });

  it('no writer and no secondary are said, the first as a warning', () => {
    const flags = judged(resource([]), undefined).flags;
    expect(flags.map((flag) => [flag.code, flag.blocking])).toEqual([['writer-unavailable', false], ['no-secondary', true]]);
  });

  it('a resource that could not be read is unreadable and not ready', () => {
    const read = judged(resource([], { error: { code: 'aws.access-denied', message: 'access denied' } }), undefined);
    expect(read).toMatchObject({ ready: false, flags: [{ code: 'unreadable', message: 'access denied', blocking: true }] });
  });

  it('a datastore member that is no longer associated is unhealthy', () => {
    const datastore = resource([member({ role: 'primary', region: 'us-east-1', sync: 'associated', instances: undefined }), member({ role: 'secondary', sync: 'disassociating', instances: undefined })], { kind: 'elasticache' });
    expect(judged(datastore, undefined).flags).toEqual([{ code: 'secondary-unhealthy', message: 'm in us-west-2 is disassociating', blocking: true, region: 'us-west-2' }]);
  });
});
