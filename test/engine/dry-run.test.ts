import { describe, expect, it } from 'vitest';
import { defineCheck } from '../../src/core/define-action';
import { z } from 'zod';
import { planRunbook } from '../../src/engine/dry-run';
import { FakeClock } from '../helpers/fake-clock';
import { FakeWorld, lookup, MemorySink, runbook, step, unusedPorts } from './harness';

const failingCheck = defineCheck({
  check: 'lag-low',
  description: 'lag',
  params: z.strictObject({}),
  resourceParams: {},
  permissions: () => ['cloudwatch:GetMetricData'],
  dependencies: () => [],
  run: async () => ({ ok: false, message: 'lag is 4s, above 1s' }),
});

async function plan(document: ReturnType<typeof runbook>, world: FakeWorld, inputs: Record<string, unknown> = { to: 'us-west-2' }, checks = [failingCheck]) {
  const sink = new MemorySink();
  const result = await planRunbook({ runId: 'plan-1', file: 'x.yaml', document, inputs }, { clock: world.clock, ports: unusedPorts(), sink, actions: lookup(world, [], checks) });
  return { result, sink };
}

describe('dry run', () => {
  const world = () => new FakeWorld(new FakeClock(), { db: 'us-east-1', cache: 'us-east-1', done: 'us-west-2' });
  const document = runbook(
    [
      step('approve', 'approval', { message: 'go to ${{ inputs.to }}?' }),
      step('db', 'fake.move', { resource: 'db', to: '${{ inputs.to }}', durationMs: 120_000 }, { needs: 'approve' }),
      step('cache', 'fake.move', { resource: 'cache', to: '${{ inputs.to }}', durationMs: 60_000 }, { needs: 'approve' }),
      step('already', 'fake.move', { resource: 'done', to: '${{ inputs.to }}' }, { needs: 'approve' }),
      step('dns', 'fake.sleep', { ms: 30_000, output: '${{ steps.db.outputs.region }}' }, { needs: ['db', 'cache'] }),
      step('maybe', 'fake.sleep', { ms: 5_000 }, { needs: 'dns', if: "steps.dns.outputs.value == 'us-west-2'" }),
      step('never', 'fake.sleep', { ms: 5_000 }, { if: "inputs.to == 'eu-west-1'" }),
      step('settle', 'wait', { duration: '30s' }, { needs: ['db', 'cache'] }),
    ],
    { rollback: [step('back', 'fake.move', { resource: 'db', to: 'us-east-1' })] },
  );

  it('plans every step in dependency order and calls nothing that changes', async () => {
    const w = world();
    const { result, sink } = await plan(document, w, undefined, []);
    // dependency order, keeping the file's order wherever the DAG allows
    expect(result.steps.map((s) => s.id)).toEqual(['approve', 'db', 'cache', 'already', 'dns', 'maybe', 'never', 'settle']);
    expect(w.applies).toEqual([]);
    expect(sink.of('step.intent')).toEqual([]);
    const db = result.steps.find((s) => s.id === 'db')!;
    expect(db.status).toBe('ready');
    expect(db.plan?.calls).toEqual([{ service: 'rds', region: 'us-east-1', operation: 'FakeMove', params: { resource: 'db', to: 'us-west-2' } }]);
    expect(result.ok).toBe(true);
    expect(result.exitCode).toBe(0);
  });

  it('marks what is already done, what is skipped, and what is known only after apply', async () => {
    const { result, sink } = await plan(document, world(), undefined, []);
    const byId = Object.fromEntries(result.steps.map((s) => [s.id, s]));
    expect(byId.already?.status).toBe('done');
    expect(byId.never).toMatchObject({ status: 'skipped', reason: "condition is false: inputs.to == 'eu-west-1'" });
    expect(byId.dns).toMatchObject({ status: 'unresolved', waitsFor: ['db'] });
    expect(byId.maybe).toMatchObject({ status: 'ready', condition: "steps.dns.outputs.value == 'us-west-2'" });
    expect(sink.of('step.unplanned')[0]).toMatchObject({ stepId: 'dns', waitsFor: ['db'] });
    expect(result.unverifiable).toContain("approve: the operator's answer");
    expect(result.unverifiable.some((text) => text.startsWith('dns: parameters use outputs of db'))).toBe(true);
    expect(result.rollback).toEqual([expect.objectContaining({ id: 'back', status: 'not-planned', permissions: ['fake:Move'] })]);
  });

  it('estimates the critical path from the plans over the DAG', async () => {
    const { result, sink } = await plan(document, world(), undefined, []);
    // approve (0) -> db (120 s) -> settle (30 s) / dns (unknown) -> maybe (5 s)
    expect(result.criticalPath).toEqual({ totalMs: 150_000, path: ['approve', 'db', 'settle'] });
    expect(result.serialMs).toBe(120_000 + 60_000 + 30_000 + 5_000);
    expect(sink.of('plan.finished')[0]).toMatchObject({ ok: true, criticalPathMs: 150_000 });
  });

  it('runs preflight and reports a failure (exit 1) while still planning the steps', async () => {
    const { result, sink } = await plan(runbook([step('db', 'fake.move', { resource: 'db', to: 'us-west-2' })], { preflight: [{ check: 'lag-low' }] }), world());
    expect(result.preflight).toEqual([{ name: 'lag-low', check: 'lag-low', ok: false, message: 'lag is 4s, above 1s' }]);
    expect(result.ok).toBe(false);
    expect(result.exitCode).toBe(1);
    expect(result.steps[0]?.status).toBe('ready');
    expect(sink.of('run.finished')[0]?.outcome).toBe('failed');
  });

  it('reports a plan that cannot be made (an operation under way elsewhere) as an error', async () => {
    const w = world();
    w.resources.get('db')!.operation = { to: 'eu-west-1', doneAt: w.clock.now() + 60_000 };
    const { result } = await plan(runbook([step('db', 'fake.move', { resource: 'db', to: 'us-west-2' })]), w, undefined, []);
    expect(result.steps[0]).toMatchObject({ status: 'error', error: { code: 'fake.other-target' } });
    expect(result.ok).toBe(false);
  });
});
