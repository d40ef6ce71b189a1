#!/usr/bin/env bash
# Tests drctl's CI recipe end to end, as far as a machine without GitHub allows (docs/ci.md):
#   1. the action's checkout is this repository's files (as a checkout of the pinned commit has them);
#   2. the example workflow's `check` and `drill` jobs run step by step as GitHub's runner would
#      (scripts/ci-recipe-steps.mjs): action.yml's own steps install drctl there with `npm ci` and put it
#      on PATH, then validate, a dry run of every runbook and a simulated drill with failback and history
#      run against this repository's runbooks, each job in a fresh copy of them;
#   3. the other recipe, for other CI systems: `npm pack` that checkout, `npm install --global` the
#      tarball into a temporary prefix, and run drctl from there;
#   4. nothing in the recipe installs a package named drctl from the npm registry.
# Prints each step; exits non-zero at the first that fails. KEEP=1 keeps the work directory.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/drctl-ci-recipe.XXXXXX")
if [[ "${KEEP:-}" == 1 ]]; then echo "work directory: $work"; else trap 'rm -rf "$work"' EXIT; fi
fail() { echo "CI recipe FAILED: $*" >&2; exit 1; }

echo "== 4. the recipe never installs drctl from the npm registry"
# What runs: the YAML without its comments, and the shell blocks of the docs (prose may name the mistake).
registry='(npm (install|i|add|exec)|npx|pnpm (add|dlx)|yarn (add|dlx))[^#]*[^-[:alnum:]/._]drctl(@[^/ ]*)?([[:space:]]|$)'
code() {
  sed -e 's/[[:space:]]#.*$//' -e '/^[[:space:]]*#/d' "$repo/action.yml" "$repo/examples/github-actions/drctl.yml"
  awk '/^```/ { inside = !inside; next } inside' "$repo/docs/ci.md" "$repo/README.md"
}
if code | grep -nE "$registry"; then
  fail "the lines above install drctl from the npm registry, where no drctl package is published"
fi

echo "== 1. the action's checkout: $work/actions/drctl"
action="$work/actions/drctl"
mkdir -p "$action"
(cd "$repo" && git ls-files -z | while IFS= read -r -d '' file; do [[ -e "$file" ]] && printf '%s\0' "$file"; done | xargs -0 cp --parents -t "$action")

echo "== 2. the example workflow's jobs, step by step"
export WORKSPACES="$work/workspaces" GITHUB_PATH="$work/github-path" GITHUB_OUTPUT="$work/github-output" GITHUB_STEP_SUMMARY="$work/step-summary"
: > "$GITHUB_OUTPUT"
: > "$GITHUB_STEP_SUMMARY"
for job in check drill; do
  mkdir -p "$WORKSPACES/$job"
  cp -R "$repo/runbooks" "$WORKSPACES/$job/"
done
# The runner's PATH: node and the system, and no drctl (one found elsewhere would hide a broken recipe).
export BASE_PATH="$(dirname "$(command -v node)"):/usr/local/bin:/usr/bin:/bin"
if PATH="$BASE_PATH" command -v drctl >/dev/null; then fail "a drctl is already on the runner's PATH: $(PATH="$BASE_PATH" command -v drctl)"; fi
node "$repo/scripts/ci-recipe-steps.mjs" "$repo/action.yml" "$action" "$repo/examples/github-actions/drctl.yml" check drill > "$work/steps.sh"
bash "$work/steps.sh"

grep -q '^version=' "$GITHUB_OUTPUT" || fail "the action set no version output"
grep -q 'failures="0"' "$WORKSPACES/check/reports/validate.junit.xml" || fail "validate reported failures"
for file in failover.html failback.html failover.junit.xml history.md history.html; do
  [[ -s "$WORKSPACES/drill/drill-reports/$file" ]] || fail "the drill left no drill-reports/$file"
done
grep -q 'shop-region-failover' "$GITHUB_STEP_SUMMARY" || fail "the drill history did not reach the job summary"

echo "== 3. the tarball, installed into a prefix"
(cd "$action" && npm pack --silent --pack-destination "$work" >/dev/null)
npm install --global --prefix "$work/prefix" --no-audit --no-fund "$work"/drctl-*.tgz >/dev/null
tarball_drctl="$work/prefix/bin/drctl"
[[ "$("$tarball_drctl" -v)" == "$(node -p "require('$repo/package.json').version")" ]] || fail "the installed drctl does not say this version"
(cd "$WORKSPACES/check" && "$tarball_drctl" validate runbooks/ && "$tarball_drctl" plan runbooks/aurora-global-failover.yaml --sim >/dev/null \
  && "$tarball_drctl" drill runbooks/aurora-global-failover.yaml --sim --yes --formats json --out-dir "$work/tarball-drill" >/dev/null)
[[ -s "$work/tarball-drill/failover.json" ]] || fail "the tarball's drctl wrote no drill report"

echo "CI recipe: OK"
