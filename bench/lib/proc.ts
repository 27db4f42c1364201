import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const ticksPerSecond = 100;

/** CPU seconds (user + system) a process has used so far, read from /proc. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which may contain spaces, hence the split after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

/** Resident memory of a process in MiB (VmRSS), and its peak (VmHWM). */
export function memoryMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+)`, 'm'))?.[1] ?? Number.NaN);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

/** CPU use of a process over a window: call `start()` then `stop()` → percent of one core. */
export function cpuWindow(pid: number): { stop(): number } {
  const cpu0 = cpuSeconds(pid);
  const t0 = performance.now();
  return {
    stop: () => Math.round(((cpuSeconds(pid) - cpu0) / ((performance.now() - t0) / 1000)) * 1000) / 10,
  };
}

/**
 * Resident memory of a process in KiB, the lowest of `samples` readings `everyMs` apart: V8 grows and
 * collects its heap all the time, and the floor is what the process really keeps.
 */
export async function rssFloorKiB(pid: number, samples = 10, everyMs = 100): Promise<number> {
  let floor = Number.POSITIVE_INFINITY;
  for (let i = 0; i < samples; i++) {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    floor = Math.min(floor, Number(status.match(/^VmRSS:\s+(\d+)/m)?.[1] ?? Number.NaN));
    if (i < samples - 1) await new Promise((r) => setTimeout(r, everyMs));
  }
  return floor;
}
