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
const { Decoder } = createRequire(import.meta.url)('socket.io-parser') as typeof import('socket.io-parser');

class JsonEncoder {
  encode(packet: Packet): string[] {
    let text = String(packet.type);
    if (packet.nsp && packet.nsp !== '/') text += `${packet.nsp},`;
    if (packet.id !== undefined && packet.id !== null) text += packet.id;
    if (packet.data !== undefined && packet.data !== null) text += JSON.stringify(packet.data);
    return [text];
  }
}

/** The `parser` option of the Socket.IO server. */
export const jsonParser = { Encoder: JsonEncoder, Decoder };
