/** Benchmark processes: a script of this repository in its own Node process, pinned to one core where taskset exists. */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Server and generator get a core each (taskset, and at least two cores). */
export const pin = existsSync('/usr/bin/taskset') && cpus().length >= 2;

export function start(script: string, core: number, env: Record<string, string> = {}, extra: string[] = []): ChildProcess {
  const args = ['--expose-gc', '--max-old-space-size=4096', ...extra, '--import', 'tsx'];
  return fork(`${root}${script}`, [], {
    cwd: root,
    execPath: pin ? '/usr/bin/taskset' : process.execPath,
    execArgv: pin ? ['-c', String(core), process.execPath, ...args] : args,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** The child's next message of this type (an 'error' message or its exit rejects). */
export function next<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type: string }) => {
      if (message.type !== type && message.type !== 'error') return;
      child.off('message', onMessage);
      if (message.type === 'error') reject(new Error(String((message as { error?: string }).error)));
      else resolve(message as T);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`${type}: process exited with ${code}`)));
  });
}
