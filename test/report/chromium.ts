// Opens a page in Debian's headless Chromium and returns the DOM it ended with. Tests that need it skip
// with a clear message when /usr/bin/chromium is absent (install: apt-get install -y chromium).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const NO_CHROMIUM = `${CHROMIUM} is not installed (apt-get install -y chromium): skipping the headless browser checks`;

export async function dumpDom(file: string): Promise<string> {
  const profile = await mkdtemp(path.join(tmpdir(), 'drctl-chromium-'));
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--user-data-dir=${profile}`,
    '--window-size=1100,1400',
    '--dump-dom',
    pathToFileURL(file).href,
  ];
  try {
    return await new Promise<string>((resolve, reject) => {
      execFile(CHROMIUM, args, { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`chromium failed: ${error.message}\n${stderr}`));
        else resolve(stdout);
      });
    });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
