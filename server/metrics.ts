/**
 * Prometheus metrics (issue 16, SPEC H-8): connected clients by role, events
 * and refusals by code, acknowledgement and commit latency, and Node's own
 * figures (event-loop delay, memory, GC). Served on a port of its own, meant
 * to stay inside the operator's network (KONSENS_METRICS_PORT, bound to
 * 127.0.0.1 unless KONSENS_METRICS_HOST says otherwise), never on the public
 * one. No label carries a person, an address, a token or a workshop's name.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Role } from '../shared/domain/phases.js';

/** What the realtime and storage layers report; `noMetrics` when metrics are off. */
export interface MetricsSink {
  /** False for `noMetrics`: the transport then times nothing (no work per event). */
  readonly enabled: boolean;
  event(event: string): void;
  refused(code: string): void;
  /** Seconds from an event's arrival to its acknowledgement. */
  acknowledged(seconds: number): void;
  /** Seconds one commit of answers took. */
  committed(seconds: number): void;
}

export const noMetrics: MetricsSink = { enabled: false, event() {}, refused() {}, acknowledged() {}, committed() {} };

export class Metrics implements MetricsSink {
  readonly enabled = true;
  readonly registry = new Registry();
  private readonly events: Counter<'event'>;
  private readonly refusals: Counter<'code'>;
  private readonly acks: Histogram;
  private readonly commits: Histogram;

  /** @param clients Connected clients by role (and 'guest' for those not joined yet), counted at each scrape. */
  constructor(clients: () => Record<Role | 'guest', number>) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'konsens_' });
    new Gauge({
      name: 'konsens_connected_clients',
      help: 'Connected Socket.IO clients by role',
      labelNames: ['role'],
      registers,
      collect() {
        for (const [role, count] of Object.entries(clients())) this.set({ role }, count);
      },
    });
    this.events = new Counter({ name: 'konsens_events_total', help: 'Socket events received, by event', labelNames: ['event'], registers });
    this.refusals = new Counter({ name: 'konsens_refusals_total', help: 'Socket events refused, by error code', labelNames: ['code'], registers });
    this.acks = new Histogram({
      name: 'konsens_ack_seconds',
      help: 'Time from a socket event to its acknowledgement',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.commits = new Histogram({
      name: 'konsens_commit_seconds',
      help: 'Time one durable commit of answers took',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers,
    });
  }

  event(event: string): void {
    this.events.inc({ event });
  }

  refused(code: string): void {
    this.refusals.inc({ code });
  }

  acknowledged(seconds: number): void {
    this.acks.observe(seconds);
  }

  committed(seconds: number): void {
    this.commits.observe(seconds);
  }

  /** GET /metrics on its own server; anything else 404. */
  async listen(port: number, host: string): Promise<{ server: Server; address: AddressInfo }> {
    const server = createServer((req, res) => {
      if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      this.registry.metrics().then(
        (body) => res.writeHead(200, { 'Content-Type': this.registry.contentType }).end(body),
        () => res.writeHead(500).end(),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    return { server, address: server.address() as AddressInfo };
  }
}
