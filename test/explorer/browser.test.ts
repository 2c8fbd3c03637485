import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { renderHtml } from '../../checker/trace/html.ts';
import { replay } from '../../checker/trace/replay.ts';
import { viewOf } from '../../checker/trace/view.ts';
import type { Trace } from '../../checker/trace/trace.ts';
import { counterexample, startOn, type Explorer } from './explorer-client.ts';

const CHROMIUM = '/usr/bin/chromium';
/** Where the screenshot of the page at the violation goes, when this directory exists. */
const SHOT_DIR = process.env.INTERLEAVE_EXPLORER_SHOT_DIR;

/** A page that records every request it makes outside the explorer and every console error. */
async function watchedPage(browser: Browser, problems: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol !== 'blob:' && url.hostname !== '127.0.0.1') problems.push(`fetched ${r.url()}`);
  });
  return page;
}

/** Waits until the page shows the state after `n` steps. */
async function atStep(page: Page, n: number): Promise<void> {
  await page.waitForFunction((k) => document.querySelectorAll('#path li').length === k + 1 && document.querySelector('#path li.current')?.getAttribute('data-step') === String(k), n);
}

/** Labels of the client-operation timeline in `root` wider than their bars. */
async function overflowingLabels(page: Page, root: string): Promise<string[]> {
  return page.$$eval(`${root} svg[aria-label="client operations"]`, (svgs) =>
    svgs.flatMap((svg) => {
      const bars = Array.from(svg.querySelectorAll('rect.op')) as SVGRectElement[];
      const labels = Array.from(svg.querySelectorAll('text.op-label')) as SVGTextElement[];
      return labels.flatMap((t, i) => {
        const bar = bars[i]!.getBBox();
        const box = t.getBBox();
        return box.x < bar.x || box.x + box.width > bar.x + bar.width ? [`${t.textContent} (${box.width.toFixed(0)}px in a ${bar.width.toFixed(0)}px bar)`] : [];
      });
    }),
  );
}

describe.skipIf(!existsSync(CHROMIUM))('the explorer in headless Chromium (skipped: no /usr/bin/chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => browser?.close());

  it('walks 2PC (decision not logged) to the Atomicity violation, reopens it from the URL, and searches from the start', async () => {
    const trace = await counterexample('specs/twopc/two-phase-commit.ts', 'decision-not-logged');
    const x = await startOn('specs/twopc/two-phase-commit.ts', 'decision-not-logged');
    const problems: string[] = [];
    try {
      const { steps } = await x.post<{ steps: number[] }>('/api/open', { trace });
      const failsAt = viewOf(x.open.model, trace, replay(x.open.model, trace)).violationAt!;
      const page = await watchedPage(browser, problems);
      await page.goto(x.url);
      await atStep(page, 0);
      expect(await page.locator('#diagram svg .node-name').allTextContents()).toEqual(['coordinator', 'participant1', 'participant2']);
      const atomicity = page.locator('#properties li[data-property="Atomicity"]');
      // Click the counterexample's steps, each offered under the trace's label.
      for (let k = 0; k < steps.length; k++) {
        const step = page.locator(`#candidates li.enabled[data-index="${steps[k]}"]`);
        expect(await step.locator('.label').textContent()).toBe(trace.steps[k]!.label);
        await step.click();
        await atStep(page, k + 1);
        expect(await atomicity.getAttribute('data-status')).toBe(k + 1 >= failsAt ? 'violated' : 'holds');
      }
      expect(await page.locator('#alarm').isVisible()).toBe(true);
      expect(await page.locator('#alarm').textContent()).toBe(`✗ Atomicity is violated after step ${failsAt}`);
      expect(await page.locator('#diagram svg .violation-label').textContent()).toContain('Atomicity');
      // The nodes whose values break Atomicity: the participant that committed and the one that aborted.
      expect(await page.locator('#state .node-state.culprit').evaluateAll((es) => es.map((e) => e.getAttribute('data-node')))).toEqual(['participant1', 'participant2']);
      expect(page.url()).toContain(`#path=${steps.join(',')}`);
      if (SHOT_DIR && existsSync(SHOT_DIR)) await page.screenshot({ path: join(SHOT_DIR, 'explorer-shot.png'), fullPage: true });
      const shown = await page.locator('#state').innerText();

      // A reload lands on the same state.
      await page.reload();
      await atStep(page, steps.length);
      expect(await page.locator('#state').innerText()).toBe(shown);
      expect(await atomicity.getAttribute('data-status')).toBe('violated');

      // Back, forward, and undo to a step of the path.
      await page.click('#back');
      await atStep(page, steps.length - 1);
      await page.click('#forward');
      await atStep(page, steps.length);
      await page.click('#path li[data-step="3"]');
      await atStep(page, 3);
      expect(page.url()).toContain(`#path=${steps.slice(0, 3).join(',')}`);

      // Save as trace downloads the path as a trace file.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save')]);
      expect(download.suggestedFilename()).toBe('TwoPhaseCommit.decision-not-logged.trace.json');

      // Search from the initial state finds a violation and jumps to it.
      await page.click('#restart');
      await atStep(page, 0);
      await page.click('#search');
      await page.waitForFunction(() => !(document.getElementById('alarm') as HTMLElement).hidden);
      expect(await page.locator('#search-status').textContent()).toMatch(/^found (Atomicity|Validity) \d+ steps? from here/);
      expect(page.url()).toMatch(/#path=\d/);
      expect(problems).toEqual([]);
    } finally {
      await x.close();
    }
  });

  it('opens a counterexample file, and fits every client operation in its bar (explorer and trace page)', async () => {
    const trace: Trace = await counterexample('specs/quorum/abd.ts', 'read-without-write-back');
    const x = await startOn('specs/quorum/abd.ts', 'read-without-write-back');
    const problems: string[] = [];
    try {
      const page = await watchedPage(browser, problems);
      await page.goto(x.url);
      await atStep(page, 0);
      const file = join(mkdtempSync(join(tmpdir(), 'interleave-explorer-')), 'abd.trace.json');
      writeFileSync(file, JSON.stringify(trace));
      await page.setInputFiles('#open', file);
      await atStep(page, trace.steps.length);
      expect(await page.locator('#properties li[data-property="Linearizable"]').getAttribute('data-status')).toBe('violated');
      expect(await page.locator('#lin [data-linearizable="no"]').textContent()).toMatch(/client\d+ cannot be ordered/);
      expect(await page.locator('#lin pre').textContent()).toContain('longest linearizable prefix');
      const labels = await page.locator('#history text.op-label').allTextContents();
      expect(labels).toContain('read() → nil');
      expect(await page.locator('#history text.client-name').allTextContents()).toEqual(['client1', 'client2']);
      expect(await overflowingLabels(page, '#history')).toEqual([]);
      // The history in the state panel is listed by client name too.
      expect(await page.locator('#state').innerText()).toMatch(/"client1": \[[\s\S]*"client2": \[/);
      if (SHOT_DIR && existsSync(SHOT_DIR)) await page.screenshot({ path: join(SHOT_DIR, 'explorer-shot-abd.png'), fullPage: true });

      // The trace page (show --format html) draws the same timeline, labels fitted too.
      const html = join(mkdtempSync(join(tmpdir(), 'interleave-explorer-')), 'abd.html');
      writeFileSync(html, renderHtml(viewOf(x.open.model, trace, replay(x.open.model, trace))));
      const tracePage = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      await tracePage.goto('file://' + html);
      expect(await tracePage.locator('#history text.op-label').allTextContents()).toContain('read() → nil');
      expect(await overflowingLabels(tracePage, '#history')).toEqual([]);
      expect(await tracePage.locator('#broken').textContent()).toContain('cannot place: client2 read() -> nil');
      expect(problems).toEqual([]);
    } finally {
      await x.close();
    }
  });
});
