// The documentation for users (the README, docs/, the bench's README) points only at files that are in
// the repository: every Markdown link to a local
// file, and every file name ending in .md that a page mentions outside its code blocks, resolves (from the page, or from the
// repository's root). The README once sent readers to a DESIGN.md that was never here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

function pages(): string[] {
  const docs = readdirSync(path.join(ROOT, 'docs')).filter((file) => file.endsWith('.md')).map((file) => `docs/${file}`);
  return ['README.md', ...docs, 'bench/README.md'];
}

/** Links, and .md names outside fenced code blocks (where they are files a command writes). */
function references(page: string): string[] {
  const text = page.replace(/^```[\s\S]*?^```/gm, '');
  const links = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((match) => match[1] ?? '').filter((target) => !/^[a-z]+:/.test(target));
  const mentioned = [...text.matchAll(/(?<![\w/.-])([\w./-]*[A-Za-z0-9_-]\.md)\b/g)].map((match) => match[1] ?? '');
  return [...new Set([...links, ...mentioned])];
}

describe('the documentation', () => {
  it.each(pages())('%s points only at files that exist', (page) => {
    const missing = references(readFileSync(path.join(ROOT, page), 'utf8')).filter(
      (target) => !existsSync(path.resolve(ROOT, path.dirname(page), target)) && !existsSync(path.resolve(ROOT, target)),
    );
    expect(missing).toEqual([]);
  });
});
