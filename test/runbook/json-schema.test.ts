import { readFileSync, readdirSync } from 'node:fs';
import { Writable } from 'node:stream';
import { schemaCommand } from '../../commands/schema';
import type { CliIO } from '../../src/core/io';
import { describe, expect, it } from 'vitest';
import { actionCatalogue } from '../../src/actions/catalogue';
import { runbookJsonSchema } from '../../src/runbook/json-schema';
import { createOutput } from '../../src/ui/output';

describe('JSON Schema for editors', () => {
  it('is committed as schema/runbook-v1.json, exactly as generated (drctl schema prints that file)', () => {
    // To regenerate: node --import tsx -e "Promise.all([import('./src/runbook/json-schema.ts'), import('./src/actions/catalogue.ts')]).then(([json, { actionCatalogue }]) => console.log(JSON.stringify(json.runbookJsonSchema(actionCatalogue), null, 2)))" > schema/runbook-v1.json
    expect(readFileSync('schema/runbook-v1.json', 'utf8')).toBe(`${JSON.stringify(runbookJsonSchema(actionCatalogue), null, 2)}\n`);
  });

  it('is what drctl schema prints (bin/drctl prints the file itself; the command is its fallback)', async () => {
    let out = '';
    const stdout = new Writable({ write: (chunk, _encoding, done) => ((out += String(chunk)), done()) });
    expect(await schemaCommand({ output: createOutput({ stdout, stderr: stdout, stdin: process.stdin, env: {}, cwd: '.' } as CliIO, 'text') })).toBe(0);
    expect(out).toBe(readFileSync('schema/runbook-v1.json', 'utf8'));
  });

  it('is named by the yaml-language-server comment on the first line of every shipped runbook', () => {
    for (const file of readdirSync('runbooks').filter((name) => name.endsWith('.yaml'))) {
      const first = readFileSync(`runbooks/${file}`, 'utf8').split('\n')[0];
      expect(first, file).toBe('# yaml-language-server: $schema=../schema/runbook-v1.json');
    }
  });

  it('attaches each action\'s parameters to its `uses`', () => {
    const schema = JSON.stringify(runbookJsonSchema(actionCatalogue));
    expect(schema).toContain('{"if":{"properties":{"uses":{"const":"aurora.switchover"}},"required":["uses"]}');
  });
});
