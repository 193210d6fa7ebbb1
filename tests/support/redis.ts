/**
 * A throwaway Redis (Debian's redis-server) on a free port, without
 * persistence, stopped afterwards (../shared/guide/DEPENDENCIES.md).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { freePort } from './nginx.js';

const REDIS = '/usr/bin/redis-server';

export interface Redis {
  url: string;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<Redis> {
  if (!existsSync(REDIS)) throw new Error(`${REDIS} is missing: apt-get install -y redis-server (.ci/run does)`);
  const port = await freePort();
  const child: ChildProcess = spawn(REDIS, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const stopNow = () => child.kill('SIGKILL');
  process.once('exit', stopNow);
  for (let i = 0; ; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = createConnection(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (up) break;
    if (child.exitCode !== null || i > 200) throw new Error('redis-server did not start');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      process.off('exit', stopNow);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
