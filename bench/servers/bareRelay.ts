/**
 * The yardstick: a bare Socket.IO server that forwards each answer (or batch
 * of answers) to a dashboard room and acknowledges it. With COALESCE=1 it instead counts
 * answers and pushes the count with the same leading-edge 20 ms throttle as Konsens,
 * so that the throttle itself is not charged to Konsens.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { Throttle } from '../../server/realtime/throttle.js';
import { serveStats } from './ipc.js';

const coalesce = process.env.COALESCE === '1';
const httpServer = createServer();
const io = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
let count = 0;
let probe: unknown = null;
const push = new Throttle(20, () => io.to('dashboard').emit('tally', { count, probe }));

io.on('connection', (socket) => {
  socket.on('workshop:join', (payload: { role?: string }, ack: (r: unknown) => void) => {
    if (payload?.role === 'facilitator') void socket.join('dashboard');
    ack({ ok: true, data: {} });
  });
  socket.on('answer:set', (payload: { probe?: unknown }, ack: (r: unknown) => void) => {
    if (coalesce) {
      count++;
      if (payload.probe) probe = payload.probe;
      push.request();
    } else {
      io.to('dashboard').emit('vote', payload);
    }
    ack({ ok: true, data: {} });
  });
  // A whole ballot in one message: forwarded as one message, or counted answer by answer.
  socket.on('answer:batch', (payload: { answers: unknown[] }, ack: (r: unknown) => void) => {
    if (coalesce) {
      count += payload.answers.length;
      push.request();
    } else {
      io.to('dashboard').emit('vote', payload);
    }
    ack({ ok: true, data: {} });
  });
});

httpServer.listen(0, '127.0.0.1', () => {
  const address = httpServer.address();
  serveStats(typeof address === 'object' && address ? address.port : 0);
});
