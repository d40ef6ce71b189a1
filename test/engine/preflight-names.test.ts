import { describe, expect, it } from 'vitest';
import { checkNames } from '../../src/engine/preflight';

describe('preflight check names', () => {
  it('tell checks of one kind apart by what they look at, so none hides another in the journal and reports', () => {
    expect(checkNames([
      { check: 'available', with: { resource: 'orders-db', to: 'us-west-2' } },
      { check: 'available', with: { resource: 'catalog-db' } },
      { check: 'replication-lag-below', with: { resources: ['orders-db', 'sessions'], max: '1s' } },
      { check: 'healthy', name: 'west is up', with: { resource: 'api-west' } },
      { check: 'writer-in' },
      { check: 'writer-in' },
    ])).toEqual(['available orders-db', 'available catalog-db', 'replication-lag-below orders-db,sessions', 'west is up', 'writer-in #5', 'writer-in #6']);
  });
});
