import { actionCatalogue } from '../../src/actions/catalogue';
import { describe, expect, it } from 'vitest';
import { failoverCommandLine, failoverRunbook, failoverRunbookName, type InlineFailover } from '../../src/runbook/inline';

const request = (overrides: Partial<InlineFailover> = {}): InlineFailover => ({ kind: 'aurora', id: 'shop-orders', to: 'us-west-2', mode: 'planned', ...overrides });

describe('the in-memory failover runbook', () => {
  it.each([
    ['aurora', 'planned', 'aurora.switchover'],
    ['aurora', 'unplanned', 'aurora.failover'],
    ['aurora', 'detach', 'aurora.detach'],
    ['docdb', 'planned', 'docdb.switchover'],
    ['docdb', 'unplanned', 'docdb.failover'],
    ['docdb', 'detach', 'docdb.detach'],
    ['elasticache', 'planned', 'elasticache.failover'],
    ['elasticache', 'unplanned', 'elasticache.failover'],
    ['elasticache', 'detach', 'elasticache.disassociate'],
  ] as const)('%s --mode %s uses %s after an approval naming the region', async (kind, mode, uses) => {
    const document = await failoverRunbook(request({ kind, mode }), actionCatalogue);
    const [approve, action] = document.spec.steps;
    expect(approve).toMatchObject({ id: 'approve', uses: 'approval' });
    expect(String(approve?.with?.message)).toContain('to us-west-2');
    expect(action).toMatchObject({ uses, needs: ['approve'], with: { resource: 'shop-orders', to: 'us-west-2' } });
    expect(document.metadata.name).toBe(`failover-${kind}-shop-orders`);
  });

  it('checks availability first for a planned move only (an unplanned one is for a region that may not answer)', async () => {
    expect((await failoverRunbook(request(), actionCatalogue)).spec.preflight).toEqual([{ check: 'available', with: { resource: 'shop-orders', to: 'us-west-2' } }]);
    expect((await failoverRunbook(request({ mode: 'unplanned' }), actionCatalogue)).spec.preflight).toEqual([]);
  });

  it('has a name that is stable per resource, whatever the target and mode, so the run lock covers it', async () => {
    expect((await failoverRunbook(request({ to: 'eu-west-1', mode: 'unplanned' }), actionCatalogue)).metadata.name).toBe(failoverRunbookName('aurora', 'shop-orders'));
    expect(failoverRunbookName('elasticache', 'ldgnf-shop.sessions')).toBe('failover-elasticache-ldgnf-shop-sessions');
  });

  it('passes --max-lag to the action and says the command line it stands for', async () => {
    const document = await failoverRunbook(request({ mode: 'unplanned', maxLag: '5s' }), actionCatalogue);
    expect(document.spec.steps[1]?.with).toMatchObject({ maxLag: '5s' });
    expect(failoverCommandLine(request({ mode: 'unplanned', maxLag: '5s' }))).toBe('drctl failover aurora shop-orders --to us-west-2 --mode unplanned --max-lag 5s');
  });

  it.each([
    [{ to: 'us-westt-2' }, 'failover.bad-region'],
    [{ mode: 'unplanned' as const, maxLag: '5 seconds' }, 'failover.bad-max-lag'],
    [{ maxLag: '5s' }, 'failover.max-lag-planned'],
  ])('refuses %j with %s (exit 2)', async (overrides, code) => {
    await expect(failoverRunbook(request(overrides), actionCatalogue)).rejects.toMatchObject({ code, exitCode: 2 });
  });
});
