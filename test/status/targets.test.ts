import { describe, expect, it } from 'vitest';
import { healthCheckResources, resourcesFromFlags } from '../../src/status/targets';

describe('--resource type:id', () => {
  it('turns each flag into the runbook resource, named after its id', () => {
    expect(resourcesFromFlags(['aurora:shop-orders', 'docdb:shop-catalog', 'elasticache:ldgnf-shop-sessions', 'health-check:0b1e-c2'])).toEqual({
      'shop-orders': { type: 'aurora-global', globalClusterId: 'shop-orders' },
      'shop-catalog': { type: 'docdb-global', globalClusterId: 'shop-catalog' },
      'ldgnf-shop-sessions': { type: 'elasticache-global', globalReplicationGroupId: 'ldgnf-shop-sessions' },
      '0b1e-c2': { type: 'route53-health-check', healthCheckId: '0b1e-c2' },
    });
  });

  it("accepts the runbook's own type names, and keeps two types that share an id apart", () => {
    expect(Object.keys(resourcesFromFlags(['aurora-global:x', 'docdb:x']))).toEqual(['aurora:x', 'docdb:x']);
  });

  it.each([
    ['shop-orders', /expected type:id/],
    ['aurora:', /expected type:id/],
    ['auroa:shop-orders', /"auroa" is not a resource type/],
  ])('refuses %j with status.bad-resource and the forms it takes', (flag, message) => {
    expect(() => resourcesFromFlags([flag])).toThrow(message);
    try {
      resourcesFromFlags([flag]);
    } catch (error) {
      expect(error).toMatchObject({ code: 'status.bad-resource', exitCode: 2 });
      expect((error as { hint: string }).hint).toMatch(/aurora/);
    }
  });

  it('suggests the type that was meant', () => {
    expect(() => resourcesFromFlags(['auroa:x'])).toThrow(expect.objectContaining({ hint: expect.stringContaining('Did you mean "aurora"?') }));
  });

  it('makes health check resources for drctl health', () => {
    expect(healthCheckResources(['a', 'b'])).toEqual({ a: { type: 'route53-health-check', healthCheckId: 'a' }, b: { type: 'route53-health-check', healthCheckId: 'b' } });
  });
});
