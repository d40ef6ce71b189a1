// drctl completion bash|zsh|fish on the real binary. bash is here: the script is sourced and its
// function asked what it completes, as bash would ask it. zsh and fish are read for their structure, and
// when the shells are installed also parsed (`zsh -n`, `fish --no-execute`), loaded (zsh's compdef) and
// asked (fish's `complete -C`).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES, optionsTakenBy } from '../../commands/cli/options';
import { drctl } from './drctl';

const dir = mkdtempSync(path.join(tmpdir(), 'drctl-completion-'));
const has = (shell: string) => spawnSync(shell, ['--version']).status === 0;
const scripts: Record<string, string> = {};

beforeAll(async () => {
  for (const shell of ['bash', 'zsh', 'fish']) {
    const result = await drctl(['completion', shell]);
    expect(result.code, result.stderr).toBe(0);
    scripts[shell] = result.stdout;
    writeFileSync(path.join(dir, `drctl.${shell}`), result.stdout);
  }
});

/** Every flag the help shows for every command (renamed spellings are not offered). */
const everyFlag = () => COMMAND_NAMES.flatMap((command) => optionsTakenBy(command).map((option) => ({ command, flag: option.flag, old: option.declaration.renamedFrom ?? [] })));

describe('drctl completion bash', () => {
  /** Sources the script in bash, then asks _drctl about each command line (the last word is being typed). */
  function complete(lines: string[][], env: Record<string, string> = {}): string[] {
    const asks = lines.map((words) => `ask ${words.map((word) => `'${word}'`).join(' ')}`).join('\n');
    const program = `source ${path.join(dir, 'drctl.bash')}\ncomplete -p drctl\nask() { COMP_WORDS=("$@"); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _drctl; echo "\${COMPREPLY[*]}"; }\n${asks}\n`;
    const result = spawnSync('bash', ['--norc', '-c', program], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: dir, ...env } });
    expect(result.stderr).toBe('');
    return result.stdout.trimEnd().split('\n');
  }

  it('registers itself with complete -F, and completes commands, options, choices and values', () => {
    const aws = path.join(dir, 'aws');
    mkdirSync(aws, { recursive: true });
    writeFileSync(path.join(aws, 'config'), '[default]\nregion = us-east-1\n[profile ops-eu]\nregion = eu-west-1\n[sso-session corp]\nsso_region = eu-west-1\n');
    writeFileSync(path.join(aws, 'credentials'), '[ci]\naws_access_key_id = AKIDEXAMPLE\n');
    mkdirSync(path.join(dir, '.drctl/runs/20260105-090000-shop-1a2b'), { recursive: true });
    const answers = complete(
      [['drctl', ''], ['drctl', 'pl'], ['drctl', 'sim', ''], ['drctl', 'plan', '--ou'], ['drctl', 'report', '-o', ''], ['drctl', 'run', '--no-'], ['drctl', 'rollback', '--no-'], ['drctl', 'failover', ''], ['drctl', 'failover', 'aurora', 'x', '--to', 'eu-west-'], ['drctl', 'plan', '--profile', ''], ['drctl', 'resume', ''], ['drctl', 'explain', 'runbook.unknown-k'], ['drctl', 'sim', 'serve', '--time']],
      { AWS_CONFIG_FILE: path.join(aws, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(aws, 'credentials') },
    );
    expect(answers).toEqual([
      'complete -F _drctl drctl',
      'validate plan run resume rollback status health failover report drill sim arc schema explain completion -v --version -h --help',
      'plan',
      'serve world',
      '--output',
      'text md json junit html',
      '--no-rollback',
      '',
      'aurora docdb elasticache',
      'eu-west-1 eu-west-2 eu-west-3',
      'ci default ops-eu',
      '20260105-090000-shop-1a2b',
      'runbook.unknown-key',
      '--time-scale',
    ]);
  });

  it('offers every flag of every command, and none of the old spellings', () => {
    const script = scripts.bash ?? '';
    for (const { command, flag, old } of everyFlag()) {
      const start = script.indexOf(`_drctl_cmd_${command.replace(/\W/g, '_')}() {`);
      const body = script.slice(start, script.indexOf('\n}', start));
      // The function's options line: `if [[ $cur == -* ]]; then _drctl_complete "words:..."`.
      const options = /\$cur == -\* \]\]; then _drctl_complete "words:([^"]*)"/.exec(body)?.[1] ?? '';
      expect(options.split(' '), `${command} ${flag}`).toContain(flag);
      for (const spelling of old) expect(options.split(' '), `${command} ${spelling}`).not.toContain(spelling);
    }
  });
});

describe('drctl completion zsh', () => {
  it(`is a #compdef function for every command${has('zsh') ? ', and zsh parses it' : ' (zsh is not installed: read for structure only)'}`, () => {
    const script = scripts.zsh ?? '';
    expect(script.startsWith('#compdef drctl\n')).toBe(true);
    expect(script).toContain('compdef _drctl drctl');
    for (const command of COMMAND_NAMES) {
      const name = `_drctl_cmd_${command.replace(/\W/g, '_')}`;
      expect(script, command).toContain(`${name}() {`);
      expect(script, command).toMatch(new RegExp(`\\) ${name} ;;`));
    }
    for (const { command, flag } of everyFlag()) expect(script, `${command} ${flag}`).toMatch(new RegExp(`[',{*]${flag}[=+\\[,}]`));
    // Single quotes pair up on every line once zsh's '\'' escapes are taken out.
    script.split('\n').forEach((line, index) => line.startsWith('#') || expect(line.replace(/'\\''/g, '').split("'").length % 2, `line ${index + 1}: ${line}`).toBe(1));
    if (!has('zsh')) return;
    const file = path.join(dir, 'drctl.zsh');
    expect(spawnSync('zsh', ['-n', file], { encoding: 'utf8' }).stderr).toBe('');
    // Sourced after compinit, it registers itself for drctl.
    const loaded = spawnSync('zsh', ['-fc', `autoload -U compinit; compinit -u -D; source ${file}; print -r -- $_comps[drctl]; whence -w _drctl_cmd_sim_serve`], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: dir } });
    expect(loaded.stdout).toBe('_drctl\n_drctl_cmd_sim_serve: function\n');
  });
});

describe('drctl completion fish', () => {
  it(`is complete lines for every command and flag${has('fish') ? ', and fish parses it' : ' (fish is not installed: read for structure only)'}`, () => {
    const script = scripts.fish ?? '';
    let depth = 0;
    for (const line of script.split('\n')) {
      const word = line.trim().split(/\s+/)[0] ?? '';
      if (['function', 'if', 'for', 'while', 'switch', 'begin'].includes(word)) depth += 1;
      if (word === 'end') depth -= 1;
      expect(depth).toBeGreaterThanOrEqual(0);
      // Outside the helper functions every line is a comment, blank, or a `complete -c drctl` line.
      if (depth === 0 && word !== 'end' && word !== '' && !word.startsWith('#')) expect(line).toMatch(/^complete -c drctl /);
    }
    expect(depth).toBe(0);
    for (const { command, flag } of everyFlag()) {
      const spelling = flag.startsWith('--') ? `-l ${flag.slice(2)}` : `-s ${flag.slice(1)}`;
      const condition = `complete -c drctl -n '__drctl_is \\'${command}\\''`;
      expect(script.split('\n').some((line) => line.startsWith(condition) && ` ${line} `.includes(` ${spelling} `)), `${command} ${flag}`).toBe(true);
    }
    if (!has('fish')) return;
    const file = path.join(dir, 'drctl.fish');
    expect(spawnSync('fish', ['--no-execute', file], { encoding: 'utf8' }).stderr).toBe('');
    // fish answers `complete -C <command line>` as it would at the prompt.
    const lines = ['drctl pl', 'drctl sim ', 'drctl plan --ou', 'drctl report -o j', 'drctl run --no-', 'drctl failover aurora x --to eu-west-'];
    const program = `source ${file}; for line in ${lines.map((line) => `'${line}'`).join(' ')}; complete -C"$line" | string replace -r '\\t.*' '' | string join ' '; end`;
    const answers = spawnSync('fish', ['--no-config', '-c', program], { encoding: 'utf8', cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: dir } });
    expect(answers.stderr).toBe('');
    expect(answers.stdout.trimEnd().split('\n')).toEqual(['plan', 'serve world', '--output', 'json junit', '--no-rollback', 'eu-west-1 eu-west-2 eu-west-3']);
  });
});

describe('drctl completion <unknown shell>', () => {
  it('names the shells it knows, exit 2', async () => {
    const result = await drctl(['completion', 'powershell']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Pass one of bash, zsh, fish.');
  });
});
