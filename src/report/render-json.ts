// The facts as JSON, for dashboards and scripts. The shape is ReportFacts (schema drctl.report/v1);
// fields are only ever added, so consumers can rely on what they read today.
import type { ReportFacts } from './facts-types';

export function renderJson(facts: ReportFacts): string {
  return `${JSON.stringify(facts, null, 2)}\n`;
}
