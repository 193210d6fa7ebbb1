/**
 * A throwaway nginx (Debian's package) in front of a Konsens server, with the
 * server block of deploy/nginx-konsens.conf as the README shows it — over plain
 * http on a free port (no certificate in tests). Its own prefix, pid and temp
 * paths under a temp dir; never the system service.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { tempDir } from './harness.js';

const NGINX = '/usr/sbin/nginx';
const EXAMPLE = fileURLToPath(new URL('../../deploy/nginx-konsens.conf', import.meta.url));

export interface Nginx {
  url: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The example's server block, pointed at the Konsens node(s) on `upstreamPorts` and listening on `port` without TLS. */
export function exampleBlock(upstreamPorts: number | number[], port: number): string {
  const example = readFileSync(EXAMPLE, 'utf8');
  // The example's server line with its parameters, once per node.
  const line = /server 127\.0\.0\.1:3000([^;]*);/.exec(example);
  if (!line) throw new Error('deploy/nginx-konsens.conf: no "server 127.0.0.1:3000 …;" line');
  const servers = [upstreamPorts].flat().map((p) => `server 127.0.0.1:${p}${line[1]};`).join('\n    ');
  return example
    .replace(line[0], servers)
    .replace(/listen 443 ssl;/, `listen 127.0.0.1:${port};`)
    .split('\n')
    .filter((line) => !/^\s*ssl_/.test(line))
    .join('\n');
}

/** nginx on `port` (default: a free one) in front of Konsens on `upstreamPort` (several: one upstream of them all). */
export async function startNginx(upstreamPort: number | number[], port?: number): Promise<Nginx> {
  if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: apt-get install -y nginx (.ci/run does)`);
  const dir = tempDir('konsens-nginx-');
  for (const sub of ['logs', 'body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(`${dir}/${sub}`);
  port ??= await freePort();
  writeFileSync(
    `${dir}/nginx.conf`,
    `user root;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 2048; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${exampleBlock(upstreamPort, port)}
}
`,
  );
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-c', `${dir}/nginx.conf`, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      await fetch(`${url}/api/health`);
      break;
    } catch {
      if (child.exitCode !== null || i > 100) throw new Error(`nginx did not start: ${errors}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    url,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGQUIT');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
