// Builds runbook YAML for tests and finds where a marker sits, so position assertions stay readable.
import { actionCatalogue } from '../../src/actions/catalogue';
import { checkRunbookText } from '../../src/runbook/load';

export const VALID_RUNBOOK = `apiVersion: drctl/v1
kind: Runbook
metadata:
  name: test-failover
spec:
  inputs:
    to: { type: region, default: us-west-2 }
    mode: { type: string, enum: [planned, unplanned], default: planned }
  objectives: { rto: 5m, rpo: 1s }
  resources:
    orders-db: { type: aurora-global, globalClusterId: shop-orders }
    sessions: { type: elasticache-global, globalReplicationGroupId: ldgnf-shop-sessions }
  steps:
    - id: approve
      uses: approval
      with: { message: "Fail over to \${{ inputs.to }}?" }
    - id: orders
      uses: aurora.switchover
      needs: [approve]
      with: { resource: orders-db, to: "\${{ inputs.to }}" }
    - id: settle
      uses: wait
      needs: [orders]
      with: { duration: 30s }
`;

/** 1-based line and column of the n-th occurrence of a marker. */
export function positionOf(text: string, marker: string, occurrence = 1): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = text.indexOf(marker, index + 1);
    if (index < 0) throw new Error(`marker ${marker} not found`);
  }
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

export async function problemsOf(text: string) {
  return (await checkRunbookText('rb.yaml', text, actionCatalogue)).problems;
}

/** The single problem with a code, with its position as line:col. */
export async function only(text: string, code: string) {
  const all = await problemsOf(text);
  const problems = all.filter((problem) => problem.code === code);
  if (problems.length !== 1) throw new Error(`expected one ${code}, got ${JSON.stringify(all, null, 1)}`);
  const problem = problems[0]!;
  return { ...problem, at: `${problem.location?.line}:${problem.location?.column}` };
}

export function at(text: string, marker: string, occurrence = 1): string {
  const { line, column } = positionOf(text, marker, occurrence);
  return `${line}:${column}`;
}

/** line:col of a character inside a marker, e.g. atInside(text, 'needs: 3', '3'). */
export function atInside(text: string, marker: string, part: string): string {
  const { line, column } = positionOf(text, marker);
  return `${line}:${column + marker.indexOf(part)}`;
}
