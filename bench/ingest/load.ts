import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { ChildMessage, ParentMessage, PhaseRequest, PhaseResult, PublisherConfig } from './protocol.js';

/** The parent's handle on the publisher child process (publisher.ts). */
export class Publisher {
  private readonly child: ChildProcess;

  /** The child's process id (for its CPU time). */
  get pid(): number | undefined {
    return this.child.pid;
  }
  private readonly waiters: ((message: ChildMessage) => boolean)[] = [];
  private failure: Error | undefined;
  /** Called when the publisher starts and stops publishing a phase (the parent samples the server's counters then). */
  onEdge: (edge: 'started' | 'stopped', phase: string) => void = () => {};

  constructor() {
    this.child = fork(join(import.meta.dirname, 'publisher.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (message: ChildMessage) => {
      if (message.type === 'started' || message.type === 'stopped') this.onEdge(message.type, message.phase);
      if (message.type === 'error') this.fail(new Error(`publisher: ${message.message}`));
      const i = this.waiters.findIndex((w) => w(message));
      if (i >= 0) this.waiters.splice(i, 1);
    });
    this.child.on('exit', (code) => {
      if (code !== 0) this.fail(new Error(`publisher exited with ${code}`));
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    // Wake every waiter: each rethrows the failure.
    for (const w of this.waiters.splice(0)) w({ type: 'error', message: error.message });
  }

  private request<T extends ChildMessage['type']>(message: ParentMessage, answer: T): Promise<Extract<ChildMessage, { type: T }>> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiters.push((m) => {
        if (m.type === 'error') {
          reject(this.failure ?? new Error(m.message));
          return true;
        }
        if (m.type !== answer) return false;
        resolve(m as Extract<ChildMessage, { type: T }>);
        return true;
      });
      this.child.send(message);
    });
  }

  async connect(config: PublisherConfig): Promise<{ ms: number; clients: number }> {
    const m = await this.request({ type: 'connect', config }, 'connected');
    return { ms: m.ms, clients: m.clients };
  }

  async run(request: Omit<PhaseRequest, 'type'>): Promise<PhaseResult> {
    return (await this.request({ type: 'run', ...request }, 'done')).result;
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.send({ type: 'close' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
