import { createServer } from 'node:net';

export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly what: string,
    hint: string,
  ) {
    super(`端口 ${port} 已被占用，无法启动${what}。Port ${port} is already in use (${what}). ${hint}`);
    this.name = 'PortInUseError';
  }
}

/** Resolves when nothing listens on host:port; PortInUseError otherwise. Port 0 is always free. */
export function assertPortFree(port: number, host: string, what: string, hint: string): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      reject(err.code === 'EADDRINUSE' ? new PortInUseError(port, what, hint) : err);
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
