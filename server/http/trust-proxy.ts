import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import proxyaddr from 'proxy-addr';
import { z } from 'zod';

/** Names express (proxy-addr) expands into the matching private ranges. */
const presets = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address (`10.0.0.2`, `::1`), a subnet in CIDR form (`10.0.0.0/8`, `fd00::/8`) or a preset name. */
function isTrustedEntry(entry: string): boolean {
  if (presets.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * `TRUST_PROXY`: which peers may tell the client's address in `X-Forwarded-For`, in the forms express's
 * `trust proxy` accepts. Unset or `false`: nobody (the header is ignored, the peer's address counts). A hop
 * count (`1`: the one nginx in front). Or a comma-separated list of addresses, CIDR subnets and the presets
 * `loopback`, `linklocal`, `uniquelocal`. `true` is refused: it would let any client pick its own address,
 * and so its own rate-limit bucket.
 */
export const TrustProxy = z
  .string()
  .trim()
  .transform((value, ctx): false | number | string[] => {
    if (value === '' || value === 'false' || value === '0') return false;
    if (value === 'true') {
      ctx.addIssue({ code: 'custom', message: "TRUST_PROXY=true ferait confiance à n'importe quel client : donner le nombre de proxys (1) ou leurs adresses" });
      return z.NEVER;
    }
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value.split(',').map((e) => e.trim());
    const bad = entries.filter((e) => !isTrustedEntry(e));
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `TRUST_PROXY : adresse ou sous-réseau invalide (${bad.join(', ')}) ; attendu false, un nombre de proxys, ou des adresses/sous-réseaux CIDR séparés par des virgules`,
      });
      return z.NEVER;
    }
    return entries;
  });
export type TrustProxy = z.infer<typeof TrustProxy>;

/**
 * The client's address of a raw request (a WebSocket upgrade, which express never sees) as `trust proxy`
 * resolves it for REST: with TRUST_PROXY set, the address the trusted proxies name; else the peer's own.
 */
export function clientAddressOf(trust: TrustProxy): (req: IncomingMessage) => string {
  const trusts = typeof trust === 'number' ? hopsTrust(trust) : proxyaddr.compile(trust === false ? [] : trust);
  return (req) => proxyaddr(req, trusts);
}

/** `trust proxy` = n: the n closest hops are trusted, whatever their address (express's own meaning). */
const hopsTrust = (hops: number) => (_address: string, index: number) => index < hops;
