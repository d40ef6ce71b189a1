// drctl arc describe <cluster-arn> [--write <runbook>]: the set-up read of an ARC cluster from ARC's control
// plane (us-west-2), never a failover's: its endpoints, control panels, routing controls and safety rules,
// printed as runbook resources to paste, or its endpoints written into the runbook's arc-cluster in place.
// The runbook is read first (a wrong path or ARN fails before any AWS call), AWS only through read-only
// ports, and the file is replaced whole, only if nobody changed it meanwhile.
import { readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CommandContext } from './context';
import type { OptionsOf } from './cli/options';
import { openAwsContext } from './aws-context';
import { awsOptionsOf } from './run-options';
import { AwsError, type AwsErrorKind, isAwsError } from '../src/aws/aws-error';
import { DrctlError, ExitCode, ProblemsError } from '../src/core/errors';
import type { Resource } from '../src/core/resources';
import { isClusterArn } from '../src/core/services/arc';
import type { ArcConfigPort } from '../src/core/services/arc-config';
import { type ArcDescribeReport, type DescribedPanel, proposeResources } from '../src/runbook/arc-resources';
import { declaredArc, type DeclaredControl, fillClusterEndpoints, type DeclaredCluster } from '../src/runbook/fill-endpoints';
import { readRunbookText } from '../src/runbook/load';
import { arcDescribeView } from '../src/ui/arc-view';

export type ArcDescribeOptions = OptionsOf<'arc describe'>;

export interface TargetRunbook {
  file: string;
  shown: string;
  text: string;
  cluster: DeclaredCluster;
  controls: DeclaredControl[];
}

export async function arcDescribeCommand(clusterArn: string, options: ArcDescribeOptions, { io, output }: CommandContext): Promise<number> {
  if (!isClusterArn(clusterArn)) {
    throw new DrctlError('arc.bad-cluster-arn', `"${clusterArn}" is not an ARC cluster ARN`, 'Pass it as arn:aws:route53-recovery-control::<account>:cluster/<id> (`aws route53-recovery-control-config list-clusters --region us-west-2` lists them).', { exitCode: ExitCode.invalidInput });
  }
  const target = options.write === undefined ? undefined : await readTarget(path.resolve(io.cwd, options.write), options.write, clusterArn);
  const context = await openAwsContext({ ...awsOptionsOf(io, options), readOnly: true, resources: simResources(clusterArn, target) });
  let report: ArcDescribeReport;
  try {
    report = await describeCluster(context.ports['arc-config'], clusterArn, target);
  } finally {
    await context.close();
  }
  if (target) report.written = await writeEndpoints(target, report);
  output.answer(arcDescribeView, report);
  return ExitCode.ok;
}

/**
 * The hints a set-up read needs rather than a failover's: the ARN came from the command line, and the
 * control plane is us-west-2's alone, so its outage is a reason to wait, never to fail over.
 */
const SETUP_HINTS: Partial<Record<AwsErrorKind, string>> = {
  'not-found': 'Check the ARN (`aws route53-recovery-control-config list-clusters --region us-west-2` lists the clusters) and that the account (--profile) is the one you mean.',
  unreachable: "ARC's control plane is served from us-west-2 alone, and only set-up needs it: a failover uses the endpoints already in the runbook. Run this again once it answers (check the network and --endpoint-url too).",
};

function withSetupHint(error: unknown): never {
  const hint = isAwsError(error) ? SETUP_HINTS[error.details.kind] : undefined;
  if (!hint || !isAwsError(error)) throw error;
  throw new AwsError(error.details, error.message, hint, error);
}

/** The cluster, its panels, controls and rules, and the resources to paste (under the runbook's names when given). */
export async function describeCluster(port: ArcConfigPort, clusterArn: string, target: TargetRunbook | undefined): Promise<ArcDescribeReport> {
  const cluster = await port.describeCluster(clusterArn).catch(withSetupHint);
  if (cluster.endpoints.length === 0) {
    throw new DrctlError('arc.cluster-not-ready', `ARC cluster ${cluster.name} has no endpoints yet (${cluster.status})`, 'A cluster gets its five endpoints once it is DEPLOYED: wait a few minutes, then run this again.', { exitCode: ExitCode.runFailed });
  }
  const panels: DescribedPanel[] = [];
  try {
    for (const panel of await port.listControlPanels(clusterArn)) {
      panels.push({ panel, controls: await port.listRoutingControls(panel.arn), rules: await port.listSafetyRules(panel.arn) });
    }
  } catch (error) {
    withSetupHint(error);
  }
  const listed = new Set(panels.flatMap((panel) => panel.controls.map((control) => control.arn)));
  const strayControls = (target?.controls ?? []).filter((control) => !listed.has(control.routingControlArn)).map((control) => ({ name: control.name, arn: control.routingControlArn }));
  const known = target && { clusterName: target.cluster.name, controls: new Map(target.controls.map((control) => [control.routingControlArn, control])) };
  return { cluster, panels, proposed: proposeResources(cluster, panels, known), strayControls };
}

/** The runbook to fill, read before any AWS call: it must declare an arc-cluster with this ARN. */
export async function readTarget(file: string, shown: string, clusterArn: string): Promise<TargetRunbook> {
  const read = await readRunbookText(file, shown);
  if ('problem' in read) throw new ProblemsError([read.problem], `${shown} cannot be filled in`);
  const declared = declaredArc(shown, read.text);
  if ('problem' in declared) throw new ProblemsError([declared.problem], `${shown} cannot be filled in`);
  const cluster = declared.clusters.find((candidate) => candidate.clusterArn === clusterArn);
  if (!cluster) {
    const others = declared.clusters.map((candidate) => `${candidate.name} (${candidate.clusterArn})`).join(', ');
    throw new DrctlError(
      'arc.cluster-not-in-runbook',
      `${shown} declares no arc-cluster resource with clusterArn ${clusterArn}${others ? `; its ARC clusters: ${others}` : ''}`,
      `Run \`drctl arc describe ${clusterArn}\` without --write and paste its resources under spec.resources, or pass the ARN the runbook declares.`,
      { exitCode: ExitCode.invalidInput },
    );
  }
  return { file, shown, text: read.text, cluster, controls: declared.controls.filter((control) => control.cluster === cluster.name) };
}

/**
 * What --sim generates its world from: the cluster asked about, with the runbook's routing controls of it
 * when --write names one (its endpoints too, when it has them), so the answer is the runbook's own world.
 */
function simResources(clusterArn: string, target: TargetRunbook | undefined): Record<string, Resource> {
  const name = target?.cluster.name ?? 'cluster';
  const controls = (target?.controls ?? []).map((control): [string, Resource] => [control.name, { type: 'arc-routing-control', ...control }]);
  return { [name]: { type: 'arc-cluster', clusterArn, endpoints: target?.cluster.endpoints ?? [] }, ...Object.fromEntries(controls) };
}

/** Fills the endpoints in and replaces the file whole (a temporary file renamed over it), unless they are current. */
export async function writeEndpoints(target: TargetRunbook, report: ArcDescribeReport): Promise<NonNullable<ArcDescribeReport['written']>> {
  const filled = fillClusterEndpoints(target.shown, target.text, report.cluster.arn, report.cluster.endpoints);
  if (filled.kind === 'problem') throw new ProblemsError([filled.problem], `${target.shown} cannot be filled in`);
  if (filled.kind === 'not-declared') throw new Error(`bug: ${target.shown} no longer declares the cluster it declared`);
  const written = { file: target.shown, changed: filled.changed.map((cluster) => ({ name: cluster.name, before: cluster.endpoints })), unchanged: filled.unchanged.map((cluster) => cluster.name) };
  if (filled.changed.length === 0) return written;
  const cannot = (why: string) =>
    new DrctlError('arc.write-failed', `${target.shown} was not changed: ${why}`, 'Nothing was written. Paste the endpoints printed by `drctl arc describe <arn>` (without --write) into the runbook yourself, or fix the cause and run again.', { exitCode: ExitCode.runFailed });
  // Someone may have saved the file while drctl read AWS: their change is not drctl's to overwrite.
  if ((await readFile(target.file, 'utf8').catch(() => undefined)) !== target.text) {
    throw new DrctlError('arc.runbook-changed', `${target.shown} changed while drctl read ARC, so it was not written`, 'Run the command again: it reads the file anew.', { exitCode: ExitCode.runFailed });
  }
  // A symlinked runbook (a dotfiles checkout) keeps its link: the file it points to is the one replaced.
  const file = await realpath(target.file).catch(() => target.file);
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.drctl-${process.pid}`);
  try {
    const { mode } = await stat(file);
    await writeFile(temporary, filled.text, { mode });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw cannot((error as NodeJS.ErrnoException).code ?? String(error));
  }
  return written;
}
