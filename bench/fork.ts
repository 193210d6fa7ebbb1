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

/** Node flags for a benchmark's server: CPU profiles (BENCH_PROFILE=1) and any in BENCH_FLAGS. */
function serverFlags(): string[] {
  return [...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=bench/profiles'] : []), ...(process.env.BENCH_FLAGS?.split(' ').filter(Boolean) ?? [])];
}

/**
 * One measurement: the server script on core 0, the generator on core 1; the
 * generator's requests for the server's figures are passed on, the job goes to
 * the generator with the server's URL, and its result comes back. Both stop after.
 */
export async function measureWith<R>(serverScript: string, serverEnv: Record<string, string>, generatorScript: string, job: object): Promise<R> {
  const server = start(serverScript, 0, serverEnv, serverFlags());
  const { port } = await next<{ port: number }>(server, 'ready');
  const generator = start(generatorScript, 1);
  generator.on('message', (message: { type: string; gc?: boolean }) => {
    if (message.type !== 'stats?') return;
    server.once('message', (stats) => generator.send(stats as object));
    server.send({ type: 'stats', gc: message.gc !== false });
  });
  const done = next<{ result: R }>(generator, 'result');
  generator.send({ ...job, url: `http://127.0.0.1:${port}` });
  try {
    return (await done).result;
  } finally {
    generator.kill('SIGKILL');
    server.send({ type: 'exit' });
    await new Promise((r) => setTimeout(r, 1000));
    server.kill('SIGKILL');
  }
}
