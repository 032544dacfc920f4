// The worker thread's entry point, in plain JavaScript on purpose: on Node 20 a worker thread does not get the
// TypeScript loader (tsx) that the main thread runs with, so this file registers it and then loads worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
