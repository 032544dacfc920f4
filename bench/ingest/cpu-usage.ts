import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time spent during a phase, by whom: this process (the server under test; on PGlite the database runs in it
 * too), the PostgreSQL server processes (Linux /proc; 0 elsewhere or for a remote server), and the publisher child.
 * Reported per stored reading, it is the figure to compare between runs: unlike readings per second it does not move
 * with what else the machine is doing.
 */
export interface CpuSample {
  /** Microseconds of CPU (user + system). */
  server: number;
  postgres: number;
  publisher: number;
}

const TICK_US = 1_000_000 / 100; // USER_HZ is 100 on Linux

/** utime + stime of a /proc process in µs, or 0 if unreadable. */
function procCpu(pid: string | number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may contain spaces: fields are counted after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_US;
  } catch {
    return 0;
  }
}

function postgresCpu(): number {
  let total = 0;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') total += procCpu(pid);
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

export function cpuSample(publisherPid: number | undefined): CpuSample {
  const own = process.cpuUsage();
  return {
    server: own.user + own.system,
    postgres: postgresCpu(),
    publisher: publisherPid === undefined ? 0 : procCpu(publisherPid),
  };
}

export function cpuSince(start: CpuSample, end: CpuSample): CpuSample {
  return { server: end.server - start.server, postgres: end.postgres - start.postgres, publisher: end.publisher - start.publisher };
}
