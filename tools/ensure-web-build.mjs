// `npm start` builds the web app once (or when its sources are newer than the build), then the server starts.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const web = join(import.meta.dirname, '..', 'apps', 'web');
const built = join(web, 'dist', 'index.html');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const sources = [join(web, 'src'), join(web, '..', '..', 'packages', 'contracts', 'src')];
const stale = !existsSync(built) || sources.some((dir) => newest(dir) > statSync(built).mtimeMs);
if (stale) {
  console.log('构建前端 / building the web app …');
  // A production bundle whatever called us: under vitest (the e2e global setup) NODE_ENV is `test`, which Vite would
  // honour, giving React and antd's development builds (antd's `css-dev-only-do-not-override` class names).
  execSync('npm run build -w apps/web', { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
