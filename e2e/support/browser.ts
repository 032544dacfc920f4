// playwright-core driving Debian's Chromium (/usr/bin/chromium; no browser download). One browser per test file,
// one fresh context (cookies, storage) per test, a screenshot in e2e/artifacts/ when a test fails.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { TestContext } from 'vitest';
import { REPO_ROOT } from './server.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(REPO_ROOT, 'e2e', 'artifacts');

// Without the background-networking flags Chromium keeps dialling Google's hosts, which this network refuses.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true, timeout: 60_000 });
}

function fileNameOf(name: string): string {
  return name.replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 100);
}

/**
 * A page in a fresh browser context for one test. On failure: a full-page screenshot and the browser console
 * (errors, failed requests) land in e2e/artifacts/<test name>.png / .txt. The context closes when the test ends.
 */
export async function openPage(browser: Browser, baseURL: string, t: TestContext): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 860 },
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  const page = await context.newPage();
  const consoleLines: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') consoleLines.push(`[${m.type()}] ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
  page.on('requestfailed', (r) => consoleLines.push(`[requestfailed] ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 500) consoleLines.push(`[http ${r.status()}] ${r.request().method()} ${r.url()}`);
  });

  // onTestFinished runs before onTestFailed hooks, so the screenshot is taken here, before the context closes.
  t.onTestFinished(async () => {
    if (t.task.result?.state === 'fail') {
      mkdirSync(ARTIFACTS, { recursive: true });
      const base = join(ARTIFACTS, fileNameOf(t.task.name));
      await page.screenshot({ path: `${base}.png`, fullPage: true }).catch(() => {});
      writeFileSync(`${base}.txt`, `url: ${page.url()}\n${consoleLines.join('\n')}\n`);
      console.error(`e2e failure artifacts: ${base}.png, ${base}.txt`);
    }
    await context.close().catch(() => {});
  });
  return page;
}
