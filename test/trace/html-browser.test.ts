import { describe, it, expect } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderHtml } from '../../checker/trace/html.ts';
import { foundTrace, twoPcModel, viewOfTrace } from './fixtures.ts';

const CHROMIUM = '/usr/bin/chromium';

describe.skipIf(!existsSync(CHROMIUM))('the HTML view in headless Chromium (skipped: no /usr/bin/chromium)', () => {
  it('draws the diagram and the steps, and a click shows that step’s state', async () => {
    const { chromium } = await import('playwright-core');
    const model = twoPcModel('decision-not-logged');
    const view = viewOfTrace(model, foundTrace(model, {}, 'decision-not-logged'));
    const html = renderHtml(view);
    const file = join(mkdtempSync(join(tmpdir(), 'interleave-html-')), 'trace.html');
    writeFileSync(file, html);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) problems.push(`fetched ${r.url()}`);
      });
      await page.goto('file://' + file);
      // The diagram: one lane per node, an arrow per delivered message, the crash.
      expect(await page.locator('#diagram svg .node-name').allTextContents()).toEqual(['coordinator', 'participant1', 'participant2']);
      expect(await page.locator('#diagram svg line.msg').count()).toBeGreaterThanOrEqual(6);
      expect(await page.locator('#diagram svg line.crash').count()).toBe(2);
      expect(await page.locator('#diagram svg .violation-label').textContent()).toContain('Atomicity');
      // The steps: the initial state and ten steps; the last one opens with the violation.
      expect(await page.locator('#steps li').count()).toBe(11);
      expect(await page.locator('#state-title').textContent()).toContain('after step 10');
      expect(await page.locator('#broken').textContent()).toContain('Atomicity is violated after step 10 by');
      // Clicking step 6 shows the coordinator deciding commit, highlighted.
      await page.click('#steps li[data-step="6"]');
      expect(await page.locator('#state-title').textContent()).toContain('State after step 6: participant2 → coordinator: Vote(yes)');
      expect(await page.locator('#state [data-node="coordinator"] .changed').allTextContents()).toContain('"commit"');
      expect(await page.locator('#steps li.selected').getAttribute('data-step')).toBe('6');
      // A row of the diagram selects its step too.
      await page.click('#diagram svg rect.row[data-step="8"]', { force: true });
      expect(await page.locator('#state-title').textContent()).toContain('coordinator crashes');
      await page.click('#steps li[data-step="10"]');
      await page.screenshot({ path: '/tmp/trace-html.png', fullPage: true });
      // A lasso ends with the loop back, which selects the step the run returns to.
      const lasso = join(mkdtempSync(join(tmpdir(), 'interleave-html-')), 'lasso.html');
      writeFileSync(lasso, renderHtml({ ...view, trace: { ...view.trace, cycleStart: 3 } }));
      await page.goto('file://' + lasso);
      expect(await page.locator('#steps li.cycle').textContent()).toBe('↺ back to step 3; repeats for ever');
      expect(await page.locator('#diagram svg text.cycle').textContent()).toBe('↺ back to step 3; repeats for ever');
      await page.click('#steps li.cycle');
      expect(await page.locator('#state-title').textContent()).toContain('State after step 3:');
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
