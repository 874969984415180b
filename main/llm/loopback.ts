// The one gate between the meeting's words and the network: a language-model server is only
// spoken to when it is on this computer. Names are never looked up except `localhost`, and even
// then every address it resolves to must be a loopback one (a hosts file could say otherwise).
import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { MahdarError } from '../../shared/errors.ts';

/** Whether an IP address (v4, v6, or v4-mapped v6) is a loopback address. */
export function isLoopbackAddress(address: string): boolean {
  const a = address.toLowerCase().replace(/^\[|\]$/g, '');
  if (isIP(a) === 4) return a.split('.')[0] === '127';
  if (isIP(a) !== 6) return false;
  if (a === '::1' || a === '0:0:0:0:0:0:0:1') return true;
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1, or ::ffff:7f00:1 once normalised).
  const mapped = /^::ffff:(.+)$/.exec(a)?.[1];
  if (!mapped) return false;
  return isIP(mapped) === 4 ? mapped.split('.')[0] === '127' : /^7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(mapped);
}

/**
 * Parses a server's base URL and refuses anything but http(s) to a loopback host (127.0.0.0/8,
 * ::1, localhost): drafting.badEndpoint for what is not a URL, drafting.notLoopback otherwise.
 * Nothing is resolved or connected here.
 */
export function checkLoopback(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new MahdarError('drafting.badEndpoint', { url });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new MahdarError('drafting.badEndpoint', { url });
  // The WHATWG parser has already normalised the host: 127.1 and 2130706433 read 127.0.0.1, IPv6 sits in brackets.
  const host = parsed.hostname;
  if (host !== 'localhost' && !isLoopbackAddress(host)) throw new MahdarError('drafting.notLoopback', { host: host || url });
  return parsed;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for node:http that resolves only `localhost`, and only to loopback addresses. IP
 * literals never reach it (Node connects to them directly), and checkLoopback has refused every
 * other name before any request.
 */
export function loopbackLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  if (hostname !== 'localhost') {
    callback(new MahdarError('drafting.notLoopback', { host: hostname }) as unknown as NodeJS.ErrnoException, []);
    return;
  }
  lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const outside = addresses.find((a) => !isLoopbackAddress(a.address));
    if (outside) return callback(new MahdarError('drafting.notLoopback', { host: `${hostname} → ${outside.address}` }) as unknown as NodeJS.ErrnoException, []);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}
