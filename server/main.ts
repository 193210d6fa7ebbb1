/**
 * `npm start`: serve Konsens with its embedded SQLite database (or PostgreSQL with DATABASE_URL).
 * PORT (3000), HOST (all interfaces, so tablets in the room can connect),
 * KONSENS_DATA_DIR (./data), KONSENS_CLIENT_DIR (./dist/client),
 * KONSENS_RETENTION_DAYS (unset: keep), KONSENS_ALLOWED_ORIGINS (comma-separated),
 * KONSENS_TRUST_PROXY (1: rate limits by X-Forwarded-For), KONSENS_PUBLIC_URL,
 * KONSENS_OIDC_* (sign-in with the organisation's OpenID provider, README),
 * KONSENS_METRICS_PORT (Prometheus metrics on that port; unset: off) and KONSENS_METRICS_HOST (127.0.0.1),
 * DATABASE_URL (PostgreSQL instead of SQLite) and REDIS_URL (several nodes).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { OidcConfig } from './accounts/oidc.js';
import { createApp } from './app.js';
import { bannerAddresses } from './banner.js';
import { log, logError } from './log.js';
import { Cluster } from './cluster/cluster.js';
import { openStore, storeLocation } from './store/open.js';
import { redactedUrl } from './store/postgres.js';

function port(raw: string | undefined): number {
  const value = Number(raw ?? 3000);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`PORT must be 0…65535, got "${raw}"`);
  return value;
}


/** AC-10: sign-in with the organisation's OpenID Connect provider, from KONSENS_OIDC_* (all three or none). */
function oidcConfig(): OidcConfig | null {
  const { KONSENS_OIDC_ISSUER: issuer, KONSENS_OIDC_CLIENT_ID: clientId, KONSENS_OIDC_CLIENT_SECRET: clientSecret } = process.env;
  if (!issuer && !clientId && !clientSecret) return null;
  if (!issuer || !clientId || !clientSecret) throw new Error('KONSENS_OIDC_ISSUER, KONSENS_OIDC_CLIENT_ID and KONSENS_OIDC_CLIENT_SECRET are set together');
  return {
    issuer,
    clientId,
    clientSecret,
    label: process.env.KONSENS_OIDC_LABEL || 'Anmeldung der Organisation',
    autoCreate: process.env.KONSENS_OIDC_AUTO_CREATE === '1',
    allowHttp: process.env.KONSENS_OIDC_ALLOW_HTTP === '1',
  };
}

async function main(): Promise<void> {
  const dataDir = resolve(process.env.KONSENS_DATA_DIR ?? './data');
  const clientDir = resolve(process.env.KONSENS_CLIENT_DIR ?? './dist/client');
  const location = storeLocation(process.env, dataDir);
  if (process.env.REDIS_URL && location.kind === 'sqlite') throw new Error('REDIS_URL (several nodes) needs a shared database: set DATABASE_URL to PostgreSQL');
  const store = await openStore(location);
  // Several nodes (README "Running several nodes"): one Redis for ownership, forwarding and pushes.
  const cluster = process.env.REDIS_URL ? await Cluster.connect({ url: process.env.REDIS_URL }) : null;
  const retention = process.env.KONSENS_RETENTION_DAYS;
  const retentionDays = retention ? Number(retention) : null;
  if (retentionDays !== null && !(retentionDays > 0)) throw new Error(`KONSENS_RETENTION_DAYS must be a positive number of days, got "${retention}"`);
  const allowedOrigins = (process.env.KONSENS_ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean).map((o) => new URL(o).origin);
  const trustProxy = process.env.KONSENS_TRUST_PROXY === '1';
  const publicUrl = process.env.KONSENS_PUBLIC_URL ? new URL(process.env.KONSENS_PUBLIC_URL).origin : null;
  const metricsPort = process.env.KONSENS_METRICS_PORT ? port(process.env.KONSENS_METRICS_PORT) : null;
  const metricsHost = process.env.KONSENS_METRICS_HOST || '127.0.0.1';
  const app = createApp({ store, cluster, config: { clientDir: existsSync(clientDir) ? clientDir : null, retentionDays, allowedOrigins, trustProxy, oidc: oidcConfig(), publicUrl, metricsPort, metricsHost } });
  const address = await app.listen(port(process.env.PORT), process.env.HOST || undefined);

  const { lines, base } = bannerAddresses(process.env.HOST, address.port, publicUrl);
  for (const line of lines) console.log(line);
  const metrics = app.metricsAddress();
  if (metrics) console.log(`  Metriken (Prometheus, nur intern): http://${metrics.address.includes(':') ? `[${metrics.address}]` : metrics.address}:${metrics.port}/metrics`);
  // AC-1: until the first administrator exists, a one-time link (new with every start) creates it.
  const setup = await app.accounts.setupPath();
  if (setup) console.log(`  Ersteinrichtung (einmalig, legt das erste Administrationskonto an): ${base}${setup}`);
  console.log(`  Daten: ${location.kind === 'sqlite' ? dataDir : `PostgreSQL ${redactedUrl(location.url)}`}`);
  if (!existsSync(clientDir)) console.log(`  (keine Oberfläche gebaut: ${clientDir} fehlt — nur API)`);
  if (retentionDays !== null) {
    console.log(`  Namen und Wiederanmeldungen werden gelöscht, wenn sich ein Workshop ${retentionDays} Tage nicht geändert hat.`);
    const purge = () =>
      void app.purgeExpired().then(
        (workshops) => workshops > 0 && log.info({ workshops }, 'retention: participant names and resume tokens removed'),
        (error: unknown) => logError(error, 'retention purge failed'),
      );
    purge();
    setInterval(purge, 3_600_000).unref();
  }

  // After the banner (for people), the log (for machines): one JSON object per line.
  log.info({ port: address.port, publicUrl, metricsPort: metrics?.port ?? null, retentionDays, node: cluster?.nodeId ?? null }, 'started');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: Konsens wird beendet …`);
    log.info({ signal }, 'stopping: not ready, closing connections, committing what was accepted');
    app.close().then(
      () => {
        log.info('stopped');
        log.flush();
        process.exit(0);
      },
      (error: unknown) => {
        logError(error, 'stopping failed');
        log.flush();
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  logError(error, 'start failed');
  log.flush();
  process.exit(1);
});
