import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { getYDoc, setupWSConnection } from '@y/websocket-server/utils';

/**
 * The baseline of the collab bench: the stock `@y/websocket-server` (`setupWSConnection`, no persistence,
 * no auth), on the same URL shape as ORSAN (`/yjs/<room>/<doc>?…`: the stock server names the document after
 * the path), with a stand-in for ORSAN's ticket route so the same clients connect to both. With BENCH_PRELOAD_FILE, that document is loaded in memory before listening, from the very
 * update ORSAN's clients ended up with (the same 10,000 entries and receipts).
 */
const http = createServer((req, res) => {
  // The clients ask for a ticket before each connection, as they do with ORSAN: any ticket opens this server.
  if (req.method === 'POST' && /^\/api\/rooms\/[^/]+\/yjs-tickets$/.test(req.url ?? '')) {
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ticket: 'stock', expiresAt: Date.now() + 60_000 }));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('okay');
});
const wss = new WebSocketServer({ noServer: true });
wss.on('connection', setupWSConnection);
http.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)));

const preload = process.env.BENCH_PRELOAD_FILE;
const preloadDoc = process.env.BENCH_PRELOAD_DOC;
if (preload && preloadDoc) Y.applyUpdate(getYDoc(preloadDoc), new Uint8Array(readFileSync(preload)));

http.listen(0, '127.0.0.1', () => {
  console.log(`Serveur y-websocket stock en service : http://127.0.0.1:${(http.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => {
  wss.close();
  http.close();
  process.exit(0);
});
