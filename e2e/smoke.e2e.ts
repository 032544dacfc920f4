// The first thing anyone sees after `npm start`: the login page, and a healthy API behind it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('smoke', () => {
  it('GET /api/health answers {"status":"ok"}', async () => {
    const res = await fetch(`${baseUrl}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('/ shows the login page', async (t) => {
    const page = await openPage(browser, baseUrl, t);
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.title()).toContain('治本');
    // antd puts a space between two CJK characters in a button ("登 录").
    const submit = page.getByRole('button', { name: /登\s*录/ });
    await submit.first().waitFor({ state: 'visible' });
    expect(await page.locator('input[type="password"]').count()).toBeGreaterThan(0);
  });
});
