// `npm start`: the demo platform out of the box. ZHIBEN_DEMO defaults to 1 here (and only here: a deployment
// that runs the server directly gets the production default 0). Signals are forwarded so Ctrl-C stops cleanly.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const env = { ...process.env, ZHIBEN_DEMO: process.env.ZHIBEN_DEMO ?? '1' };
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const child = spawn(tsx, [join(root, 'apps', 'server', 'src', 'main.ts')], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
