/** The real server as a separate process, so that tests can kill it with SIGKILL. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import type { Ack } from '../../shared/protocol.js';
import { registerSetupPath } from './harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** What the server printed until it was ready: the start banner. */
  banner: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** The server in a process of its own; `env` adds to (or overrides) its environment, e.g. PORT, DATABASE_URL, REDIS_URL. */
export function spawnServer(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', KONSENS_DATA_DIR: dataDir, KONSENS_CLIENT_DIR: '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void kill();
      reject(new Error(`server did not start:\n${output}`));
    }, 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Konsens läuft: http:\/\/localhost:(\d+)/.exec(output);
      // The banner ends with the data directory; the setup link (first start only) comes before it.
      if (match && /\n {2}Daten: /.test(output)) {
        clearTimeout(timer);
        const url = `http://127.0.0.1:${match[1]}`;
        const setup = /Ersteinrichtung[^\n]*http:\/\/localhost:\d+(\/setup\/[A-Za-z0-9_-]+)/.exec(output);
        if (setup) registerSetupPath(url, setup[1]!);
        resolve({ url, child, kill, banner: output, output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before it listened:\n${output}`));
    });
  });
}

/** A connection to a server that may be down: null when it cannot connect within five seconds. */
export function connectUnlessDown(url: string): Promise<Socket | null> {
  return new Promise((resolve) => {
    const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
    const give = (value: Socket | null) => {
      clearTimeout(timer);
      if (!value) socket.disconnect();
      resolve(value);
    };
    const timer = setTimeout(() => give(null), 5000);
    socket.once('connect', () => give(socket));
    socket.once('connect_error', () => give(null));
  });
}

/**
 * Emit with an acknowledgement to a server that may be killed: null when the
 * connection is (or goes) down before the answer — the operation stays in the
 * caller's outbox. (A disconnected socket.io-client would buffer the emit and never answer.)
 */
export function emitUnlessGone<T>(socket: Socket, event: string, payload: unknown): Promise<Ack<T> | null> {
  return new Promise((resolve) => {
    if (!socket.connected) return resolve(null);
    const onGone = () => resolve(null);
    socket.once('disconnect', onGone);
    socket.emit(event, payload, (reply: Ack<T>) => {
      socket.off('disconnect', onGone);
      resolve(reply);
    });
  });
}
