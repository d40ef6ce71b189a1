// Static stability from the runbook: what each step needs, which regions the run leaves, which steps an
// unplanned run refuses, and the same judgement with what live state said (the dry run's plans).
import { describe, expect, it } from 'vitest';
import { actionCatalogue } from '../../src/actions/catalogue';
import { ProblemsError } from '../../src/core/errors';
import { dependencyReport, refusedRows, refuseUnstable } from '../../src/engine/dependency-table';
import { RunbookDocument } from '../../src/runbook/schema';

const EAST_CHECK = { type: 'route53-health-check', healthCheckId: 'hc-east', region: 'us-east-1' };

/** A failover of orders out of us-east-1, then traffic moved with UpdateHealthCheck (Route 53's control plane). */
function runbook(steps: unknown[], extra: Record<string, unknown> = {}, regions: string[] | null = ['us-east-1', 'us-west-2']) {
  return RunbookDocument.parse({
    apiVersion: 'drctl/v1',
    kind: 'Runbook',
    metadata: { name: 'orders-dns' },
    spec: {
      inputs: { mode: { type: 'string', enum: ['planned', 'unplanned'], default: 'unplanned' } },
      resources: { 'orders-db': { type: 'aurora-global', globalClusterId: 'shop-orders', ...(regions ? { regions } : {}) }, 'api-east': EAST_CHECK },
      steps,
      ...extra,
    },
  });
}

const failover = { id: 'orders', uses: 'aurora.failover', with: { resource: 'orders-db', to: 'us-west-2' } };
const drain = { id: 'drain-east', uses: 'route53.invert-health-check', needs: ['orders'], with: { resource: 'api-east', inverted: true } };
const report = (document: RunbookDocument, inputs: Record<string, unknown> = { mode: 'unplanned' }) => dependencyReport({ document, inputs, actions: actionCatalogue });

describe('the dependency report', () => {
  it('an unplanned failover out of us-east-1 through UpdateHealthCheck needs what it leaves, and is refused', () => {
    const result = report(runbook([failover, drain]));
    expect(result).toMatchObject({ mode: 'unplanned', leaving: ['us-east-1'], leavingUnknown: false });
    const row = result.rows.find((candidate) => candidate.id === 'drain-east');
    expect(row?.warnings).toEqual(["needs Route 53's control plane (route53 GetHealthCheck, UpdateHealthCheck), hosted in us-east-1, which this failover leaves"]);
    expect(refusedRows(result).map((refused) => refused.id)).toEqual(['drain-east']);
    expect(() => refuseUnstable({ document: runbook([failover, drain]), inputs: { mode: 'unplanned' }, actions: actionCatalogue })).toThrow(ProblemsError);
  });

  it('lets through a step marked continue-on-error, and one whose if: is false', () => {
    expect(refusedRows(report(runbook([failover, { ...drain, 'continue-on-error': true }])))).toEqual([]);
    const planned = { ...drain, if: "inputs.mode == 'planned'" };
    expect(report(runbook([failover, planned])).rows.find((row) => row.id === 'drain-east')?.runs).toBe(false);
    expect(refusedRows(report(runbook([failover, planned])))).toEqual([]);
  });

  it('warns but does not refuse a planned move (a switchover needs the region it leaves by definition)', () => {
    const switchover = { id: 'orders', uses: 'aurora.switchover', with: { resource: 'orders-db', to: 'us-west-2' } };
    const result = report(runbook([switchover, drain]));
    expect(result.mode).toBe('planned');
    expect(result.rows.find((row) => row.id === 'orders')?.warnings).toEqual([
      'needs rds SwitchoverGlobalCluster in the region being left (us-east-1): a switchover cannot finish without it',
    ]);
    expect(refusedRows(result)).toEqual([]);
  });

  it('a preflight check that needs Route 53 is on the path too; its if: reads inputs', () => {
    const checks = (condition?: string) => ({ preflight: [{ check: 'healthy', with: { resource: 'api-east' }, ...(condition ? { if: condition } : {}) }] });
    expect(refusedRows(report(runbook([failover], checks()))).map((row) => row.id)).toEqual(['preflight healthy api-east']);
    expect(refusedRows(report(runbook([failover], checks("inputs.mode == 'planned'"))))).toEqual([]);
  });

  it('without a regions hint the region left is known only live: Route 53 is flagged, and live state settles it', () => {
    const bare = runbook([failover, drain], {}, null);
    bare.spec.resources = { ...bare.spec.resources, 'api-east': { type: 'route53-health-check', healthCheckId: 'hc-east' } };
    const result = report(bare);
    expect(result).toMatchObject({ leaving: [], leavingUnknown: true });
    expect(result.rows.find((row) => row.id === 'drain-east')?.warnings[0]).toContain('which region this failover leaves is known only live');
    const live = dependencyReport({ document: bare, inputs: { mode: 'unplanned' }, actions: actionCatalogue, liveSources: new Map([['orders', 'eu-west-1']]) });
    expect(live.leaving).toEqual(['eu-west-1']);
    expect(refusedRows(live)).toEqual([]);
  });

  it('a step whose parameters read other steps\' outputs is shown as known only while running', () => {
    const later = { id: 'later', uses: 'aurora.failover', needs: ['orders'], with: { resource: 'orders-db', to: '${{ steps.orders.outputs.writerRegion }}' } };
    const row = report(runbook([failover, later])).rows.find((candidate) => candidate.id === 'later');
    expect(row?.unresolved).toBe('its parameters use outputs of other steps: known only while running');
    expect(row?.needs).toEqual([]);
  });
});
