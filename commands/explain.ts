// drctl explain <code> | --list: what a code drctl printed means and what to do about it (the registry in
// src/core/codes), with a did-you-mean for a code that does not exist.
import { CODES, codeInfo } from '../src/core/codes';
import { DrctlError, ExitCode } from '../src/core/errors';
import { closest } from '../src/runbook/suggest';
import { codeListView, explainView, type ExplainedCode } from '../src/ui/explain-view';
import type { OptionsOf } from './cli/options';
import type { CommandContext } from './context';

/** The nearest code, also when it was typed without its area ("bad-duration" for "runbook.bad-duration"). */
function suggestion(asked: string): string | undefined {
  const codes = Object.keys(CODES);
  const byName = new Map<string, string[]>();
  for (const code of codes) byName.set(code.slice(code.indexOf('.') + 1), [...(byName.get(code.slice(code.indexOf('.') + 1)) ?? []), code]);
  const near = closest(asked, [...codes, ...byName.keys()]);
  if (near === undefined || codes.includes(near)) return near;
  const named = byName.get(near) ?? [];
  return named.length === 1 ? named[0] : undefined;
}

export async function explainCommand(code: string | undefined, options: OptionsOf<'explain'>, { output }: CommandContext): Promise<number> {
  if (options.list || code === undefined) {
    const all: ExplainedCode[] = Object.entries(CODES).map(([name, info]) => ({ code: name, ...info })).sort((a, b) => a.code.localeCompare(b.code));
    output.answer(codeListView, all);
    return ExitCode.ok;
  }
  const info = codeInfo(code);
  if (!info) {
    const near = suggestion(code);
    throw new DrctlError('cli.unknown-code', `drctl has no code "${code}"`, `${near ? `Did you mean "${near}"? ` : ''}\`drctl explain --list\` lists every code.`);
  }
  output.answer(explainView, { code, ...info });
  return ExitCode.ok;
}
