/**
 * The server's packet encoder (server/realtime/jsonEncoder.ts) writes what
 * Socket.IO's default encoder writes for every packet without binary parts, and
 * the default decoder (the browser's) reads it back as sent.
 */
import { createRequire } from 'node:module';
import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { JsonText, jsonParser } from '../../server/realtime/jsonEncoder.js';

const receipts = Array.from({ length: 16 }, (_, i) => ({ opId: `b0-7-${i}`, themeId: `t${i >> 1}`, criterionId: i % 2 ? 'potential' : 'importance', value: i % 3 ? i % 5 : undefined, withdrawn: i % 3 === 0, duplicate: false }));

const packets: Packet[] = [
  { type: PacketType.CONNECT, nsp: '/', data: { sid: 'abc' } },
  { type: PacketType.CONNECT, nsp: '/admin', data: { sid: 'abc' } },
  { type: PacketType.DISCONNECT, nsp: '/' },
  { type: PacketType.CONNECT_ERROR, nsp: '/', data: { message: 'Nicht erlaubt', data: { code: 'FORBIDDEN' } } },
  { type: PacketType.EVENT, nsp: '/', data: ['state', { role: 'facilitator', workshop: { title: 'Digitalstrategie – Kreis „Coesfeld“ 😀', date: null } }] },
  { type: PacketType.EVENT, nsp: '/admin', id: 12, data: ['notice', 'Text mit \u2028 und "Anführungszeichen"'] },
  { type: PacketType.ACK, nsp: '/', id: 0, data: [{ ok: true, data: { receipts } }] },
  { type: PacketType.ACK, nsp: '/', id: 4_294_967_295, data: [{ ok: false, code: 'BAD_REQUEST', message: 'Ungültige Anfrage', details: [{ path: 'answers.3', message: 'x' }] }] },
  { type: PacketType.ACK, nsp: '/', id: 7, data: [] },
  { type: PacketType.EVENT, nsp: '/', data: ['x', null, 0, false, [1, [2, { a: [3] }]]] },
];

function decode(text: string): Packet {
  const decoder = new Decoder();
  let packet: Packet | undefined;
  decoder.on('decoded', (p: Packet) => (packet = p));
  decoder.add(text);
  return packet!;
}

describe('the JSON-only packet encoder', () => {
  it('writes exactly what the default encoder writes for packets without binary parts', () => {
    const ours = new jsonParser.Encoder();
    const theirs = new Encoder();
    for (const packet of packets) expect(ours.encode(packet)).toEqual(theirs.encode(packet));
  });

  it('is read back as sent by the default decoder (undefined values left out, as JSON does)', () => {
    const ours = new jsonParser.Encoder();
    for (const packet of packets) {
      const [text] = ours.encode(packet);
      expect(decode(text!)).toEqual(JSON.parse(JSON.stringify({ ...packet, nsp: packet.nsp })));
    }
  });

  it('sends an acknowledgement whose data is JSON text already written as that text, the same as the value it stands for', () => {
    const ours = new jsonParser.Encoder();
    const theirs = new Encoder();
    const text = JSON.stringify({ receipts });
    const written: Packet = { type: PacketType.ACK, nsp: '/', id: 9, data: [{ ok: true, data: new JsonText(text) }] };
    expect(ours.encode(written)).toEqual(theirs.encode({ ...written, data: [{ ok: true, data: JSON.parse(text) }] }));
    // The text goes out as it is, not serialised again (written here in a form JSON.stringify would not write).
    expect(ours.encode({ type: PacketType.ACK, nsp: '/', id: 2, data: [{ ok: true, data: new JsonText('{ "a" : 1 }') }] })).toEqual(['32[{"ok":true,"data":{ "a" : 1 }}]']);
    // Only there: in an event, or a refusal, it is serialised as any value (to the value it stands for).
    const inEvent: Packet = { type: PacketType.EVENT, nsp: '/', data: ['x', new JsonText('[1,2]')] };
    expect(ours.encode(inEvent)).toEqual(theirs.encode({ ...inEvent, data: ['x', [1, 2]] }));
    const refused: Packet = { type: PacketType.ACK, nsp: '/', id: 3, data: [{ ok: false, data: new JsonText('{"a":1}') }] };
    expect(ours.encode(refused)).toEqual(['33[{"ok":false,"data":{"a":1}}]']);
  });

  it('decodes with the default decoder, the build Socket.IO itself loads', () => {
    const loadedBySocketIo = createRequire(createRequire(import.meta.url).resolve('socket.io'))('socket.io-parser') as { Decoder: unknown };
    expect(jsonParser.Decoder).toBe(loadedBySocketIo.Decoder);
  });
});
