import { Agent, createServer, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';

/** How the proxy forges the `id_token` of the token endpoint's answers ('none': passes them unchanged). */
export type TamperMode = 'none' | 'wrong-nonce' | 'expired' | 'wrong-signature' | 'wrong-audience';

/**
 * A forwarding proxy in front of the test OP. It has its own port because the OP's issuer must be the address the
 * relying party talks to (discovery checks that `issuer` equals the URL it fetched), so the OP is configured with the
 * proxy's address as issuer and listens elsewhere.
 */
export interface TamperProxy {
  /** `http://127.0.0.1:<port>`, the issuer. */
  readonly url: string;
  /** Where the OP listens; set once it is started (it needs `url` first). */
  targetPort: number | undefined;
  mode: TamperMode;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

// Framing headers belong to one connection: Node re-frames each side itself.
const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade']);

function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !hopByHop.has(name)));
}

/**
 * Re-signs `idToken` with its claims changed as `mode` says. The header (kid, alg) is kept, so a relying party looks
 * the OP's key up and only the check under test can catch the forgery.
 */
export async function forgeIdToken(idToken: string, mode: Exclude<TamperMode, 'none'>, keys: { op: CryptoKey; stranger: CryptoKey }): Promise<string> {
  const { alg = 'RS256', ...header } = decodeProtectedHeader(idToken);
  const claims = { ...decodeJwt(idToken) };
  const now = Math.floor(Date.now() / 1000);
  if (mode === 'wrong-nonce') claims.nonce = 'forged';
  if (mode === 'expired') Object.assign(claims, { iat: now - 2 * 3600, exp: now - 3600 });
  if (mode === 'wrong-audience') claims.aud = 'someone-else';
  const key = mode === 'wrong-signature' ? keys.stranger : keys.op;
  return new SignJWT(claims).setProtectedHeader({ ...header, alg }).sign(key);
}

/** Starts the proxy on an ephemeral port of 127.0.0.1; `opKey` signs the forged tokens (except 'wrong-signature'). */
export async function startTamperProxy(options: { opKey: CryptoKey; tokenPath: string }): Promise<TamperProxy> {
  const keys = { op: options.opKey, stranger: (await generateKeyPair('RS256')).privateKey };
  // Its own agent, so that close() can drop the kept-alive connections to the OP.
  const agent = new Agent({ keepAlive: true });

  const forgeTokenAnswer = async (answer: IncomingMessage, res: ServerResponse, mode: Exclude<TamperMode, 'none'>) => {
    const chunks: Buffer[] = [];
    for await (const chunk of answer) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    if (typeof body.id_token === 'string') body.id_token = await forgeIdToken(body.id_token, mode, keys);
    const forged = Buffer.from(JSON.stringify(body));
    const { 'content-length': _length, ...headers } = endToEnd(answer.headers);
    res.writeHead(answer.statusCode ?? 200, { ...headers, 'content-length': forged.length });
    res.end(forged);
  };

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const fail = (error: unknown) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`test OP proxy: ${String(error)}`);
    };
    // The Host header is kept (127.0.0.1:<proxy port>): oidc-provider builds its endpoint and redirect URLs from it.
    const upstream = request({ host: '127.0.0.1', port: proxy.targetPort, method: req.method, path: req.url, headers: endToEnd(req.headers), agent }, (answer) => {
      const { mode } = proxy;
      const isTokenAnswer = req.method === 'POST' && new URL(req.url ?? '/', proxy.url).pathname === options.tokenPath && answer.statusCode === 200;
      if (mode !== 'none' && isTokenAnswer) {
        forgeTokenAnswer(answer, res, mode).catch(fail);
        return;
      }
      res.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
      answer.pipe(res);
    });
    upstream.on('error', fail);
    req.pipe(upstream);
  };

  const server = createServer(forward);
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  const port = await listen(0);

  const down = async () => {
    if (!server.listening) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Kept-alive connections would otherwise still reach the OP: "down" must mean refused.
      server.closeAllConnections();
    });
    // One turn of the event loop lets a client in this process read the end of its kept-alive socket, so its next
    // request opens a new connection and is refused, instead of failing on the dead socket ("other side closed").
    await new Promise((resolve) => setImmediate(resolve));
  };

  const proxy: TamperProxy = {
    url: `http://127.0.0.1:${port}`,
    targetPort: undefined,
    mode: 'none',
    down,
    up: async () => {
      if (!server.listening) await listen(port);
    },
    close: async () => {
      await down();
      agent.destroy();
    },
  };
  return proxy;
}
