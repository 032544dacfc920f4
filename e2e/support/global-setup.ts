// Once per `npm run test:e2e`: build the web app if it is missing or stale, start one demo server on free ports
// with a fresh data dir, hand its URL to the journeys, and stop it (keeping its log in e2e/artifacts/) afterwards.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { REPO_ROOT, type RunningServer, removeDir, startServer } from './server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export const ARTIFACTS = join(REPO_ROOT, 'e2e', 'artifacts');

export default async function setup(project: TestProject) {
  execFileSync(process.execPath, [join(REPO_ROOT, 'tools', 'ensure-web-build.mjs')], { cwd: REPO_ROOT, stdio: 'inherit' });
  mkdirSync(ARTIFACTS, { recursive: true });
  // 90 s is plenty on a quiet machine (a demo start takes ~10–20 s); 180 s because CI shares 2 cores with other work
  // (seen: 54 s for the server alone at a load average of 14).
  // No background simulation: its scripted faults would raise alarms (and bell notifications) at random moments in
  // other journeys; the monitoring journey drives its own device with the simulator's one-shot faults.
  const server: RunningServer = await startServer({ demo: true, timeoutMs: 180_000, env: { ZHIBEN_SIMULATE: '0' } });
  project.provide('baseUrl', server.url);
  return async () => {
    const code = await server.stop();
    writeFileSync(join(ARTIFACTS, 'server.log'), `${server.output()}\n[exit ${code}]\n`);
    removeDir(server.dataDir);
  };
}
