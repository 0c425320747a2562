// A minimal localhost WebSocket (RFC 6455, unfragmented text frames) for the keystroke bench: the page calls
// main's dispatcher over it instead of Playwright's exposeFunction binding, whose round trip (page → browser →
// Playwright → test runner → back) costs several milliseconds and is no part of the app. Electron's IPC cannot
// run on this machine; a socket from the page to this process is the nearer stand-in. Node has no WebSocket
// server of its own, and the few lines below beat adding a dependency for one benchmark.
import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export type Answer = (channel: string, input: unknown) => Promise<unknown>;

/** Not a contract channel: the bench answers it at once, without the dispatcher (what the transport costs). */
export const ECHO_CHANNEL = 'bench.echo';

interface Frame {
  opcode: number;
  payload: Buffer;
  size: number;
}

/** Upgrades requests on `server` (the page's own origin, so the CSP's connect-src 'self' admits it). */
export function attachSocketTransport(server: Server, answer: Answer): () => void {
  const sockets = new Set<Socket>();
  server.on('upgrade', (req, socket: Socket) => {
    const key = req.headers['sec-websocket-key'];
    if (typeof key !== 'string') return void socket.destroy();
    const accept = createHash('sha1').update(key + GUID).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    socket.setNoDelay(true);
    sockets.add(socket);
    let pending: Buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      for (let frame = readFrame(pending); frame; frame = readFrame(pending)) {
        pending = pending.subarray(frame.size);
        if (frame.opcode === 8) return void socket.end();
        if (frame.opcode !== 1) continue;
        const { id, channel, input } = JSON.parse(frame.payload.toString('utf8')) as { id: number; channel: string; input: unknown };
        void answer(channel, input).then((result) => socket.writable && socket.write(textFrame(JSON.stringify({ id, result }))));
      }
    });
    const forget = () => sockets.delete(socket);
    socket.on('close', forget);
    socket.on('error', forget);
  });
  return () => {
    for (const s of sockets) s.destroy();
  };
}

function readFrame(b: Buffer): Frame | null {
  if (b.length < 2) return null;
  let length = b[1]! & 0x7f;
  let at = 2;
  if (length === 126) {
    if (b.length < 4) return null;
    length = b.readUInt16BE(2);
    at = 4;
  } else if (length === 127) {
    if (b.length < 10) return null;
    length = Number(b.readBigUInt64BE(2));
    at = 10;
  }
  const masked = (b[1]! & 0x80) !== 0; // a browser always masks what it sends
  const mask = masked ? b.subarray(at, at + 4) : null;
  if (masked) at += 4;
  if (b.length < at + length) return null;
  const payload = Buffer.from(b.subarray(at, at + length));
  if (mask) for (let i = 0; i < length; i++) payload[i] = payload[i]! ^ mask[i % 4]!;
  return { opcode: b[0]! & 0x0f, payload, size: at + length };
}

function textFrame(text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const n = payload.length;
  let head: Buffer;
  if (n < 126) head = Buffer.from([0x81, n]);
  else if (n < 65_536) head = Buffer.from([0x81, 126, n >> 8, n & 0xff]);
  else {
    head = Buffer.alloc(10);
    head[0] = 0x81;
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(n), 2);
  }
  return Buffer.concat([head, payload]);
}
