import { actionCatalogue } from '../../src/actions/catalogue';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runbookJsonSchema } from '../../src/runbook/json-schema';

describe('JSON Schema for editors', () => {
  it('is committed as schema/runbook-v1.json and up to date (regenerate: drctl schema > schema/runbook-v1.json)', () => {
    const committed = JSON.parse(readFileSync('schema/runbook-v1.json', 'utf8')) as unknown;
    expect(committed).toEqual(runbookJsonSchema(actionCatalogue));
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
