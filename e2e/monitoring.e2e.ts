/// <reference lib="dom" />
// Issue #6's browser journey: the simulator drives a demo dry collector of 鑫源木业 into a red hopper-temperature
// alarm → the bureau's overview turns the enterprise's tile red without a reload → the safety manager acknowledges it
// and files a 处置报告 with a photo → the simulator sends healthy readings, the condition clears and the alarm closes →
// the officer reads the whole timeline. The e2e server runs with ZHIBEN_SIMULATE=0, so this device is ours alone.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoSimDevices } from '../tools/simulator/devices.js';
import { runOnce } from '../tools/simulator/once.js';
import { HttpTransport } from '../tools/simulator/transport.js';
import { launchBrowser, openPage } from './support/browser.js';
import { apiGet, login, logout } from './support/session.js';
import { settle } from './support/ui.js';

const baseUrl = inject('baseUrl');
const DEMO_CREDIT_CODE = '91140404MA0DEM1X2U';
const DESKTOP = { width: 1366, height: 860 };
const PHONE = { width: 390, height: 844 };
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface AlarmRow {
  id: string;
  level: string;
  status: string;
  deviceCode: string;
  rule: string;
}

async function waitForAttribute(page: Page, selector: string, attribute: string, value: string, timeout = 30_000) {
  await page.waitForFunction(
    ([sel, attr, want]) => document.querySelector(sel ?? '')?.getAttribute(attr ?? '') === want,
    [selector, attribute, value],
    { timeout },
  );
}

describe('dust monitoring journey', () => {
  it('a simulated red hopper-temperature alarm reaches the overview live, is handled by safety and closes when cleared', {
    timeout: 300_000,
  }, async (t) => {
    const page = await openPage(browser, baseUrl, t);
    const device = demoSimDevices().find((d) => d.creditCode === DEMO_CREDIT_CODE && d.signals.includes('hopper_temp'));
    expect(device, 'the demo enterprise has a dry collector').toBeTruthy();
    if (!device) return;
    const transport = new HttpTransport({ baseUrl });

    // 1. The bureau's officer watches the overview; the enterprise's tile is not red.
    await page.setViewportSize(DESKTOP);
    await login(page, 'officer');
    const found = await apiGet<{ items: { id: string }[] }>(page, `/api/v1/enterprises?q=${DEMO_CREDIT_CODE}`);
    const enterpriseId = found.items[0]?.id;
    expect(enterpriseId).toBeTruthy();
    await page.goto('/monitoring');
    const tileSelector = `[data-testid="monitoring-tile-${enterpriseId}"]`;
    await page.locator(tileSelector).waitFor({ state: 'visible' });
    await waitForAttribute(page, '[data-testid="monitoring-live"]', 'data-live', 'true');
    expect(await page.locator(tileSelector).getAttribute('data-level')).not.toBe('red');

    // 2. The simulator drives the collector's hopper temperature past the red bound; the tile turns red, no reload.
    expect(await runOnce({ transport, device, fault: 'hopper_temp_red', seed: 7, stepMs: 300 })).toBeGreaterThan(0);
    await waitForAttribute(page, tileSelector, 'data-level', 'red');
    const open = await apiGet<{ items: AlarmRow[] }>(page, `/api/v1/alarms?enterpriseId=${enterpriseId}&level=red&status=pending`);
    const alarm = open.items.find((a) => a.deviceCode === device.code);
    expect(alarm, 'one pending red alarm on the device').toBeTruthy();
    if (!alarm) return;
    await logout(page);

    // 3. The safety manager, on a phone: 响应, then the 处置报告 with cause, action and a photo.
    await page.setViewportSize(PHONE);
    await login(page, 'safety');
    await page.goto(`/monitoring/alarms/${alarm.id}`);
    await waitForAttribute(page, '[data-testid="alarm-detail"]', 'data-status', 'pending');
    await page.getByTestId('alarm-ack').click();
    await page.getByTestId('alarm-ack-note').waitFor({ state: 'visible' });
    await settle(page);
    await page.getByTestId('alarm-ack-note').fill('已通知砂光班组长到场检查');
    await page.getByTestId('alarm-ack-form-submit').click();
    await waitForAttribute(page, '[data-testid="alarm-detail"]', 'data-status', 'acknowledged');
    await page.getByTestId('alarm-dispose-open').click();
    await page.getByTestId('alarm-dispose-cause').waitFor({ state: 'visible' });
    await settle(page);
    await page.getByTestId('alarm-dispose-cause').fill('灰斗积灰未及时清理，摩擦升温');
    await page.getByTestId('alarm-dispose-action').fill('停机清灰，检查锁气卸灰阀，恢复运行后持续监测');
    await page.getByTestId('alarm-dispose-photos-photo-input').setInputFiles({ name: 'hopper.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('alarm-dispose-photos-photo-0').waitFor({ state: 'visible' });
    await page.getByTestId('alarm-dispose-form-submit').click();
    await waitForAttribute(page, '[data-testid="alarm-detail"]', 'data-status', 'disposed');

    // 4. Healthy readings again: the condition clears and the disposed alarm closes (live, no reload).
    expect(await runOnce({ transport, device, fault: 'clear', seed: 7, stepMs: 300 })).toBeGreaterThan(0);
    await waitForAttribute(page, '[data-testid="alarm-detail"]', 'data-status', 'closed');
    await logout(page);

    // 5. The bureau sees the whole timeline.
    await page.setViewportSize(DESKTOP);
    await login(page, 'officer');
    await page.goto(`/monitoring/alarms/${alarm.id}`);
    await page.getByTestId('alarm-timeline').waitFor({ state: 'visible' });
    for (const action of ['raised', 'acknowledged', 'disposed', 'cleared', 'closed']) {
      await page.getByTestId(`alarm-timeline-item-${action}`).first().waitFor({ state: 'attached' });
    }
  });
});
