import { describe, expect, it } from 'vitest';
import { VALID_RUNBOOK, at, atInside, only, problemsOf } from '../helpers/runbook-text';

const edit = (...pairs: [string, string][]) =>
  pairs.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`fixture has no ${from}`);
    return text.replace(from, to);
  }, VALID_RUNBOOK);

describe('runbook semantics', () => {
  it('reports a duplicate step id at the second one, naming the first line', async () => {
    const text = edit(['- id: settle', '- id: orders']);
    const problem = await only(text, 'runbook.duplicate-step-id');
    expect(problem.at).toBe(atInside(text, 'id: orders\n      uses: wait', 'orders'));
    expect(problem.message).toBe(`step id "orders" is used twice (first on line ${at(text, 'id: orders').split(':')[0]})`);
  });

  it('reports needs naming an unknown step, with did-you-mean', async () => {
    const text = edit(['needs: [orders]', 'needs: [order]']);
    const problem = await only(text, 'runbook.unknown-need');
    expect(problem.at).toBe(atInside(text, 'needs: [order]', 'order'));
    expect(problem.message).toBe('step "settle" needs "order", but there is no step with that id');
    expect(problem.hint).toBe('Did you mean "orders"?');
  });

  it('reports objectives.rtoEndsAt naming no step, with did-you-mean, at the value', async () => {
    const text = edit(['objectives: {', 'objectives: { rtoEndsAt: setle,']);
    const problem = await only(text, 'runbook.unknown-rto-step');
    expect(problem.at).toBe(at(text, 'setle'));
    expect(problem.message).toBe('objectives.rtoEndsAt names "setle", but there is no step with that id');
    expect(problem.hint).toBe('Did you mean "settle"?');
  });

  it('reports a dependency cycle naming its steps', async () => {
    const text = edit(['- id: approve\n      uses: approval', '- id: approve\n      uses: approval\n      needs: settle']);
    const problem = await only(text, 'runbook.dependency-cycle');
    expect(problem.message).toBe('the steps depend on each other in a cycle: approve -> settle -> orders -> approve');
    expect(problem.at).toBe(atInside(text, 'needs: settle', 'settle'));
  });

  it('reports an unknown action with did-you-mean', async () => {
    const text = edit(['uses: aurora.switchover', 'uses: aurora.swichover']);
    const problem = await only(text, 'runbook.unknown-action');
    expect(problem.at).toBe(at(text, 'aurora.swichover'));
    expect(problem.hint).toBe('Did you mean "aurora.switchover"?');
  });

  it('reports an Aurora action on an ElastiCache resource and names the fitting actions', async () => {
    const text = edit(['resource: orders-db', 'resource: sessions']);
    const problem = await only(text, 'runbook.wrong-resource-type');
    expect(problem.at).toBe(atInside(text, 'resource: sessions', 'sessions'));
    expect(problem.message).toBe('aurora.switchover works on aurora-global resources, but "sessions" is "elasticache-global"');
    expect(problem.hint).toContain('elasticache.failover');
  });

  it('reports an unknown resource name', async () => {
    const text = edit(['resource: orders-db', 'resource: orders']);
    const problem = await only(text, 'runbook.unknown-resource');
    expect(problem.message).toBe('aurora.switchover names resource "orders", which is not declared in spec.resources');
    expect(problem.hint).toBe('Did you mean "orders-db"?');
  });

  it('reports unknown keys in an action\'s parameters', async () => {
    const text = edit(['{ duration: 30s }', '{ duraton: 30s }']);
    const problem = await only(text, 'runbook.unknown-key');
    expect(problem.at).toBe(at(text, 'duraton'));
    expect(problem.hint).toBe('Did you mean "duration"?');
  });

  it('reports a malformed expression at the character where it breaks', async () => {
    const text = edit(['"Fail over to ${{ inputs.to }}?"', '"Fail over to ${{ inputs. }}?"']);
    const problem = await only(text, 'runbook.bad-expression');
    expect(problem.message).toBe('malformed expression: expected a name after "."');
    expect(problem.at).toBe(atInside(text, 'inputs. }}', '}}'));
  });

  it('reports an unclosed expression', async () => {
    const text = edit(['to: "${{ inputs.to }}"', 'to: "${{ inputs.to"']);
    expect((await only(text, 'runbook.bad-expression')).message).toBe('malformed expression: missing closing "}}"');
  });

  it('reports an expression naming an unknown input at the reference', async () => {
    const text = edit(['to: "${{ inputs.to }}"', 'to: "${{ inputs.target }}"']);
    const problem = await only(text, 'runbook.unknown-input');
    expect(problem.at).toBe(at(text, 'inputs.target'));
    expect(problem.message).toBe('step "orders" reads "inputs.target", but there is no input "target"');
  });

  it('reports an expression naming an unknown step, or one that is not upstream', async () => {
    const unknown = edit(['{ duration: 30s }', '{ duration: "${{ steps.order.outputs.writerRegion }}" }']);
    expect((await only(unknown, 'runbook.unknown-step')).hint).toBe('Did you mean "orders"?');
    const notUpstream = edit(['{ message: "Fail over to ${{ inputs.to }}?" }', '{ message: "${{ steps.settle.outcome }}" }']);
    expect((await only(notUpstream, 'runbook.step-not-upstream')).hint).toContain('needs');
  });

  it('reports an expression naming an output the action does not have', async () => {
    const text = edit(['{ duration: 30s }', '{ duration: "${{ steps.orders.outputs.nope }}" }']);
    const problem = await only(text, 'runbook.unknown-output');
    expect(problem.message).toBe('step "settle" reads "steps.orders.outputs.nope", but step "orders" has no output "nope"');
  });

  it('reports a bad `if` condition and an unknown root', async () => {
    const text = edit(['      uses: wait\n', "      uses: wait\n      if: env.MODE == 'x'\n"]);
    const problem = await only(text, 'runbook.unknown-reference');
    expect(problem.at).toBe(at(text, 'env.MODE'));
  });

  it('accepts conditions, outputs and resource fields that exist', async () => {
    const text = edit(
      ['      uses: wait\n', "      uses: wait\n      if: inputs.mode == 'planned' && steps.orders.outcome == 'success'\n"],
      ['{ message: "Fail over to ${{ inputs.to }}?" }', '{ message: "Move ${{ resources.orders-db.globalClusterId }} to ${{ inputs.to }}?" }'],
    );
    expect(await problemsOf(text)).toEqual([]);
  });

  it('accepts expressions where a typed parameter is expected, and checks literals', async () => {
    const literal = edit(['to: "${{ inputs.to }}"', 'to: mars-1']);
    expect((await only(literal, 'runbook.bad-region')).at).toBe(at(literal, 'mars-1'));
  });

  it('reports an unknown preflight check and a check on an unknown resource', async () => {
    const text = edit(['  steps:\n', '  preflight:\n    - check: healthyy\n    - check: writer-in\n      with: { resource: ordrs-db, region: us-east-1 }\n  steps:\n']);
    expect((await only(text, 'runbook.unknown-check')).hint).toBe('Did you mean "healthy"?');
    expect((await only(text, 'runbook.unknown-resource')).hint).toBe('Did you mean "orders-db"?');
  });
});
