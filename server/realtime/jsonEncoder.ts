/**
 * Socket.IO's packets as this server sends them (issue 17). The default
 * encoder first walks every outgoing packet looking for binary parts (Buffers,
 * sent as attachments) — for a ballot's acknowledgement that is sixteen
 * receipts, field by field. Konsens sends only JSON (states, acknowledgements,
 * notices), so each packet becomes its text straight away, in the default
 * encoder's format (tests/unit/jsonEncoder.test.ts compares the two). A
 * Buffer handed to an emit would go out as JSON (`{"type":"Buffer",…}`), not
 * as an attachment: the server emits none.
 * Incoming packets are decoded by the default decoder, binary ones included
 * (and refused at the boundary, SPEC S-3).
 */
import { createRequire } from 'node:module';
import type { Packet } from 'socket.io-parser';

// The CommonJS build that Socket.IO itself loads (an ESM import would load the package's debug build a second time).
const { Decoder, PacketType } = createRequire(import.meta.url)('socket.io-parser') as typeof import('socket.io-parser');

/**
 * A successful acknowledgement's data, already written as JSON text by its
 * handler (issue 17: a ballot's receipts, where `JSON.stringify` and the bytes'
 * copy cost about twice what the text written directly does). The encoder
 * sends the text as it is. Serialised anywhere else with `JSON.stringify` (a
 * reply relayed between nodes, server/cluster) it is the value it stands for:
 * the text parsed. (Nothing sends it through structured clone or msgpack,
 * which would see `{ text }`.)
 */
export class JsonText<T = unknown> {
  constructor(readonly text: string) {}

  toJSON(): T {
    return JSON.parse(this.text) as T;
  }
}

/** An acknowledgement `{ ok: true, data }` whose data is JsonText: its whole text without a walk through it. */
function acknowledgedText(packet: Packet): string | undefined {
  if (packet.type !== PacketType.ACK || !Array.isArray(packet.data) || packet.data.length !== 1) return undefined;
  const ack = packet.data[0] as { ok?: unknown; data?: unknown } | null;
  if (ack === null || typeof ack !== 'object' || ack.ok !== true || !(ack.data instanceof JsonText)) return undefined;
  // The transport's success has exactly these two keys (transport.ts, succeeded).
  return `[{"ok":true,"data":${ack.data.text}}]`;
}

class JsonEncoder {
  encode(packet: Packet): string[] {
    let text = String(packet.type);
    if (packet.nsp && packet.nsp !== '/') text += `${packet.nsp},`;
    if (packet.id !== undefined && packet.id !== null) text += packet.id;
    if (packet.data !== undefined && packet.data !== null) text += acknowledgedText(packet) ?? JSON.stringify(packet.data);
    return [text];
  }
}

/** The `parser` option of the Socket.IO server. */
export const jsonParser = { Encoder: JsonEncoder, Decoder };
