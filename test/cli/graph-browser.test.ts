import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { main } from '../../src/cli/main';
import { DEFAULT_ORG, PROJECT_DIR, defaultModel, tempDir } from '../helpers';

/**
 * Opens the page `lz graph --format html` writes for the default org.yaml in headless Chromium
 * (Debian's chromium package, which .ci/run installs), with the network cut off, and checks what
 * a reader sees. Screenshots go to artifacts/ (kept by CI). Under CI=true a missing browser fails
 * the test; elsewhere the test says plainly that it did not run.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(PROJECT_DIR, 'artifacts');
jest.setTimeout(120_000);

async function writePage(): Promise<string> {
  const dir = tempDir('lz-graph-');
  let stderr = '';
  const code = await main(['graph', DEFAULT_ORG, '--out', join(dir, 'graph.html')], {
    stdout: { write: () => true }, stderr: { write: (s: string) => (stderr += s) }, cwd: dir, env: {},
  });
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  return join(dir, 'graph.html');
}

describe('lz graph --format html in a headless browser', () => {
  test('every account and segment of the default org.yaml is drawn, search and tabs work, nothing is logged as an error', async () => {
    if (!existsSync(CHROMIUM)) {
      if (process.env.CI === 'true') throw new Error(`chromium not found at ${CHROMIUM}: the browser test cannot run. Install it (apt-get install chromium; .ci/run does) or set CHROMIUM_PATH.`);
      process.stderr.write(`graph browser test did not run: no chromium at ${CHROMIUM} (install Debian's chromium package or set CHROMIUM_PATH)\n`);
      return;
    }
    const page$ = await writePage();
    const html = readFileSync(page$, 'utf8');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);

    const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const requests: string[] = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:')) return route.continue();
        requests.push(url);
        return route.abort();
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      await page.goto(`file://${page$}`);

      const model = defaultModel();
      const drawn = async (selector: string) =>
        page.$$eval(selector, (els) => els.filter((e) => { const b = (e as unknown as { getBoundingClientRect(): { width: number; height: number } }).getBoundingClientRect(); return b.width > 0 && b.height > 0; })
          .map((e) => e.getAttribute('data-account') ?? e.getAttribute('data-segment') ?? e.getAttribute('data-vpc') ?? e.getAttribute('data-stack')));
      expect((await drawn('[data-account]')).sort()).toEqual(model.accounts.map((a) => a.key).sort());
      expect(await drawn('[data-ou]')).toHaveLength(model.ous.length);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'graph-organization.png') });

      expect(await page.evaluate(() => (globalThis as unknown as { lzGraph: { search(q: string): number } }).lzGraph.search('payments'))).toBe(2);
      expect(await page.textContent('#status')).toBe('2 matches');
      await page.fill('#search', '');
      await page.dispatchEvent('#search', 'input');

      await page.click('header [data-view="network"]');
      expect((await drawn('[data-segment]')).sort()).toEqual(model.network!.segments.map((s) => s.key).sort());
      expect((await drawn('[data-vpc]')).sort()).toEqual(model.network!.vpcs.map((v) => v.id).sort());
      await page.screenshot({ path: join(ARTIFACTS, 'graph-network.png') });

      await page.click('header [data-view="deployment"]');
      expect((await drawn('[data-stack]')).length).toBeGreaterThanOrEqual(10);
      await page.screenshot({ path: join(ARTIFACTS, 'graph-deployment.png') });

      const before = await page.getAttribute('#deployment svg', 'viewBox');
      await page.click('#zoom-in');
      expect(await page.getAttribute('#deployment svg', 'viewBox')).not.toBe(before);
      await page.click('#fit');
      expect(await page.getAttribute('#deployment svg', 'viewBox')).toBe(before);

      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
