// CPU accounting for a measured phase, from /proc (Linux): how busy the whole machine was, and how
// much of it was this benchmark's own processes (the load generator, the servers, the PostgreSQL
// cluster's processes). The rest is whatever else ran on the machine meanwhile.
import { readFileSync, readdirSync } from 'node:fs';

function stat(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  } catch {
    return undefined;
  }
}

/** utime + stime of a process, all its threads, in clock ticks. */
const ticks = (pid: number) => {
  const f = stat(pid);
  return f ? Number(f[11]) + Number(f[12]) : 0;
};

/** The processes whose parent is `pid` (a postmaster's backends). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc').filter((p) => /^\d+$/.test(p)).map(Number).filter((p) => Number(stat(p)?.[1]) === pid);
}

function machine(): { busy: number; all: number } {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = f as [number, number, number, number, number, number, number, number];
  return { busy: user + nice + system + irq + softirq + steal, all: user + nice + system + idle + iowait + irq + softirq + steal };
}

export interface CpuShare {
  /** Percent of all cores busy, whoever with. */
  machine: number;
  /** Percent of all cores used by the benchmark's processes. */
  own: number;
  /** CPU seconds used by the server processes named apart (`servers`): per save, the figure that compares changes on a noisy machine. */
  serverSeconds: number;
}

/** Clock ticks per second of /proc's counters (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * Starts counting; the returned function stops and gives the shares. `pids` are the benchmark's
 * processes, `parents` those whose children count too, `servers` the processes whose CPU time is
 * also given apart (the instances under test).
 */
export function cpuMeter(pids: number[], parents: number[] = [], servers: number[] = []): () => CpuShare {
  const sum = (list: number[]) => list.reduce((total, p) => total + ticks(p), 0);
  const own = () => sum([...pids, ...parents.flatMap(childrenOf)]);
  const m0 = machine();
  const o0 = own();
  const s0 = sum(servers);
  return () => {
    const m1 = machine();
    const all = m1.all - m0.all;
    return { machine: (100 * (m1.busy - m0.busy)) / all, own: (100 * (own() - o0)) / all, serverSeconds: (sum(servers) - s0) / TICKS_PER_SECOND };
  };
}
