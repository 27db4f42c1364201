import type { NodeProcess } from '../../tools/process.js';

/** Resolves with the first match of `pattern` in the process output; rejects on exit or timeout. */
export async function waitForOutput(proc: NodeProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = proc.output().match(pattern);
    if (found) return found;
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) throw new Error(`process exited before ${pattern}:\n${proc.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${proc.output().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Sends SIGTERM and waits for the exit, SIGKILL after `graceMs`. */
export async function stopProcess(proc: NodeProcess, graceMs = 3_000): Promise<void> {
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), graceMs);
  await proc.exited();
  clearTimeout(timer);
}
