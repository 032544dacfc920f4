import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../src/app.js';
import { openTestDb } from './harness.js';

/**
 * The built web app's client-side routes are deep links into index.html: the pages that need no login (the QR
 * report page /r/:token, its receipts /r/receipt/:code, the public hazard list /public/...) as much as the
 * signed-in ones. API misses stay JSON, and only GET falls back.
 */
const INDEX = '<!doctype html><html><head><title>治本</title></head><body><div id="root"></div></body></html>';

let app: App;
let close: () => Promise<void>;
let webDist: string;
beforeAll(async () => {
  webDist = mkdtempSync(join(tmpdir(), 'zb-web-'));
  writeFileSync(join(webDist, 'index.html'), INDEX);
  mkdirSync(join(webDist, 'assets'));
  writeFileSync(join(webDist, 'assets', 'app.js'), 'console.log(1)');
  const handle = await openTestDb();
  app = await buildApp({
    db: handle.db,
    sessionSecret: 'test-secret-test-secret-test-secret!!',
    webDist,
    filesDir: mkdtempSync(join(tmpdir(), 'zb-files-')),
  });
  close = async () => {
    await app.close();
    await handle.close();
    rmSync(webDist, { recursive: true, force: true });
  };
});
afterAll(async () => close?.());

describe('SPA fallback', () => {
  it.each([
    '/r/7K2QDM9XHA7K2QDM9XHA',
    '/r/receipt',
    '/r/receipt/7K2QD-M9XHA',
    '/public/hazards',
    '/public/hazards?page=2',
    '/my/reports?report=0198',
    '/login',
  ])('serves index.html for GET %s', async (url) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toBe(INDEX);
  });

  it('serves the built files themselves, not index.html', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('console.log(1)');
  });

  it('keeps API misses and non-GET requests as JSON 404s', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/public/no-such-route'],
      ['GET', '/api/v1/employee-reports-missing/x'],
      ['POST', '/r/7K2QDM9XHA7K2QDM9XHA'],
    ] as const) {
      const res = await app.inject({ method, url, payload: method === 'POST' ? {} : undefined });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().code, `${method} ${url}`).toBe('ROUTE_NOT_FOUND');
    }
  });
});
