import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

/** What the numbers were measured on: they only compare within one machine and one run. */
export interface MachineDescription {
  nproc: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  kernel: string;
  openFilesLimit: string;
}

export function describeMachine(): MachineDescription {
  const sh = (cmd: string) => execFileSync('sh', ['-c', cmd], { encoding: 'utf8' }).trim();
  return {
    nproc: Number(sh('nproc')),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    kernel: sh('uname -sr'),
    openFilesLimit: sh('ulimit -Hn'),
  };
}
