// Turns drctl's CI recipe (the composite action in action.yml, and jobs of the example workflow) into the
// bash script its steps amount to, as GitHub's runner would run them: each `run:` in order, with bash
// -eo pipefail, in its working directory, the `${{ }}` expressions it uses filled in, PATH extended from
// $GITHUB_PATH after each step. Steps that use another action (checkout, setup-node, cache, artifacts)
// are the runner's business and are left out; a step that uses drctl's action runs action.yml's steps.
// scripts/test-ci-recipe.sh runs the result, with BASE_PATH, WORKSPACES, GITHUB_PATH, GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY set.
//
//   node scripts/ci-recipe-steps.mjs <action.yml> <action path> <workflow.yml> <job> [<job>...]
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const [actionFile, actionPath, workflowFile, ...jobs] = process.argv.slice(2);
if (!actionFile || !actionPath || !workflowFile || jobs.length === 0) {
  console.error('usage: ci-recipe-steps.mjs <action.yml> <action path> <workflow.yml> <job> [<job>...]');
  process.exit(2);
}

/** A word for bash, single-quoted. */
const quote = (text) => `'${String(text).replace(/'/g, `'\\''`)}'`;

/** Fills in `${{ name }}`; an expression the recipe uses but this emulation does not know is an error. */
function fill(text, values, where) {
  return String(text).replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, name) => {
    if (!(name in values)) throw new Error(`${where}: no value for \${{ ${name} }} in this emulation`);
    return values[name];
  });
}

/** One `run:` step: its name, then its script in its own bash, then the PATH the runner would give the next. */
function runStep(step, values, where) {
  const directory = step['working-directory'] ? fill(step['working-directory'], values, where) : '.';
  return [
    `echo ${quote(`::group::${where}: ${step.name ?? step.run.split('\n')[0]}`)}`,
    `(cd ${quote(directory)} && bash --noprofile --norc -eo pipefail -c ${quote(fill(step.run, values, where))})`,
    'while read -r dir; do case ":$PATH:" in *":$dir:"*) ;; *) PATH="$dir:$PATH" ;; esac; done < "$GITHUB_PATH"',
    "echo '::endgroup::'",
  ].join('\n');
}

const action = parse(readFileSync(actionFile, 'utf8'));
if (action.runs?.using !== 'composite') throw new Error(`${actionFile}: not a composite action`);
const actionScript = action.runs.steps.map((step, index) => {
  if (step.uses) throw new Error(`${actionFile}: step ${index + 1} uses ${step.uses}; the recipe's action must not depend on another action`);
  return runStep(step, { 'github.action_path': actionPath }, `action.yml step ${index + 1}`);
});

/** A step that uses drctl's own action: `./` in drctl's repository, `<owner>/drctl@<ref>` elsewhere. */
const isDrctlAction = (uses) => uses === './' || /^[\w.-]+\/drctl@[\w.-]+$/.test(uses);

const workflow = parse(readFileSync(workflowFile, 'utf8'));
const lines = ['set -euo pipefail'];
for (const job of jobs) {
  const steps = workflow.jobs?.[job]?.steps;
  if (!steps) throw new Error(`${workflowFile}: no job "${job}"`);
  const installs = steps.filter((step) => step.uses && isDrctlAction(step.uses)).length;
  if (installs !== 1) throw new Error(`${workflowFile}: job "${job}" must install drctl with its action exactly once (found ${installs})`);
  // Each job has a runner of its own: a fresh checkout ($WORKSPACES/<job>), the runner's PATH, no PATH additions yet.
  lines.push(`echo ${quote(`== job ${job}`)}`, `cd "$WORKSPACES/"${quote(job)}`, 'PATH="$BASE_PATH"', ': > "$GITHUB_PATH"');
  steps.forEach((step, index) => {
    const where = `${job} step ${index + 1}`;
    if (step.uses && isDrctlAction(step.uses)) lines.push(...actionScript);
    else if (step.uses) lines.push(`echo ${quote(`${where}: ${step.uses} (the runner's own action, not emulated)`)}`);
    else lines.push(runStep(step, {}, where));
  });
}
console.log(lines.join('\n'));
