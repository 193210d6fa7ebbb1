/**
 * A throwaway PostgreSQL cluster for tests (Debian's server binaries, see
 * ../shared/guide/DEPENDENCIES.md): initdb into a temp dir, the server on a
 * free port and a socket directory of its own, stopped and removed
 * afterwards. Run as the `postgres` user when the tests run as root
 * (PostgreSQL refuses to run as root). fsync is off: these tests kill Konsens,
 * never the database.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import pg from 'pg';
import { tempDir } from './harness.js';
import { freePort } from './nginx.js';

export interface Postgres {
  /** The address of a database in this cluster. */
  url(database?: string): string;
  /** A new empty database; its address. */
  createDatabase(): Promise<string>;
  /** The cluster's binaries (pg_dump, pg_restore …). */
  bin(tool: string): string;
  stop(): Promise<void>;
}

/** The newest PostgreSQL server installed by Debian's packages. */
function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(`${root}/${v}/bin/initdb`)) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error(`no PostgreSQL server under ${root}: apt-get install -y postgresql (.ci/run does)`);
  return `${root}/${newest}/bin`;
}

const asRoot = userInfo().uid === 0;

/** A PostgreSQL tool's command line, as the postgres user when we are root. */
function asPostgres(tool: string, args: string[]): [string, string[]] {
  return asRoot ? ['runuser', ['-u', 'postgres', '--', tool, ...args]] : [tool, args];
}

function run(tool: string, args: string[]): string {
  return execFileSync(...asPostgres(tool, args), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

let databases = 0;

/** @param durable fsync on, as a production server has it (benchmarks); the tests run without. */
export async function startPostgres({ durable = false }: { durable?: boolean } = {}): Promise<Postgres> {
  const bin = binDir();
  const dir = tempDir('konsens-pg-');
  if (asRoot) {
    const { uid, gid } = postgresIds();
    chownSync(dir, uid, gid);
  }
  const data = `${dir}/data`;
  run(`${bin}/initdb`, ['-D', data, '-U', 'konsens', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 ${durable ? '' : '-c fsync=off -c full_page_writes=off '}-c max_connections=200`;
  run(`${bin}/pg_ctl`, ['-D', data, '-l', `${dir}/server.log`, '-o', options, '-w', '-t', '60', 'start']);
  const stopNow = () => spawnSync(...asPostgres(`${bin}/pg_ctl`, ['-D', data, '-m', 'immediate', 'stop']));
  // A test process that ends without stop() leaves no server behind.
  process.once('exit', stopNow);
  const url = (database = 'postgres') => `postgres://konsens@127.0.0.1:${port}/${database}`;
  return {
    url,
    bin: (tool) => `${bin}/${tool}`,
    async createDatabase() {
      const name = `konsens_${process.pid}_${++databases}`;
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async stop() {
      process.off('exit', stopNow);
      run(`${bin}/pg_ctl`, ['-D', data, '-m', 'fast', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}
