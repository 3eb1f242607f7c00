import { isIP } from 'node:net';

// Subscriber URLs are user-controlled: they must not reach Bankline's own network (SSRF).
// - At create/update (urlProblem): https only in AWS stages; the twin also allows http://localhost
//   and http://127.0.0.1; no credentials in the URL; at most 1000 characters; no IP literal of a
//   private, link-local or metadata address (loopback too in AWS).
// - At delivery (forbiddenAddress on every resolved address, IP literals included): in AWS no
//   loopback, private, link-local (which holds the instance metadata service), CGNAT,
//   unspecified, multicast or reserved address, v4 or v6 (IPv4-mapped included). Redirects are
//   never followed, so a redirect to a private address is a failed attempt, not a request.

export type UrlMode = 'aws' | 'twin';

export const MAX_URL_LENGTH = 1000;

const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** Why the URL is refused, or undefined when it is acceptable. */
export const urlProblem = (raw: string, mode: UrlMode): string | undefined => {
  if (raw.length > MAX_URL_LENGTH) return `must be at most ${MAX_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.username || url.password) return 'must not contain credentials';
  const localHttp = mode === 'twin' && url.protocol === 'http:' && LOCAL_HOSTS.includes(url.hostname);
  if (url.protocol !== 'https:' && !localHttp)
    return mode === 'twin' ? 'must use https (or http://localhost on the twin)' : 'must use https';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // The twin delivers to this machine, so loopback is fine there; other private ranges are not.
  const loopback = host === '::1' || host.startsWith('127.');
  if (isIP(host) && forbiddenAddress(host) && !(mode === 'twin' && loopback))
    return 'must not point to a private, loopback or link-local address';
  return undefined;
};

const v4Number = (ip: string): number => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);

const V4_BLOCKED: readonly [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];

const inV4Block = (ip: string, [base, bits]: readonly [string, number]): boolean => {
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return (v4Number(ip) & mask) >>> 0 === (v4Number(base) & mask) >>> 0;
};

const expandV6 = (ip: string): number[] => {
  const [head = '', tail] = ip.toLowerCase().split('::') as [string, string | undefined];
  const parse = (part: string): number[] => {
    if (!part) return [];
    return part.split(':').flatMap((group) => {
      if (group.includes('.')) {
        const n = v4Number(group);
        return [n >>> 16, n & 0xffff];
      }
      return [Number.parseInt(group, 16)];
    });
  };
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...new Array(8 - left.length - right.length).fill(0), ...right];
};

/** Whether delivering to this resolved address could reach something that is not the public internet. */
export const forbiddenAddress = (address: string): boolean => {
  const family = isIP(address);
  if (family === 4) return V4_BLOCKED.some((block) => inV4Block(address, block));
  if (family !== 6) return true;
  const g = expandV6(address);
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible), and 64:ff9b::/96 (NAT64): judge the IPv4 inside.
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && (g5 === 0xffff || g5 === 0)) {
    if (g5 === 0 && g6 === 0 && (g7 === 0 || g7 === 1)) return true; // :: and ::1
    return forbiddenAddress(`${g6 >>> 8}.${g6 & 0xff}.${g7 >>> 8}.${g7 & 0xff}`);
  }
  if (g0 === 0x64 && g1 === 0xff9b) return forbiddenAddress(`${g6 >>> 8}.${g6 & 0xff}.${g7 >>> 8}.${g7 & 0xff}`);
  if ((g0 & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((g0 & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if ((g0 & 0xffc0) === 0xfec0) return true; // fec0::/10 site-local (deprecated)
  if ((g0 & 0xff00) === 0xff00) return true; // multicast
  if (g0 === 0x2001 && g1 === 0x0db8) return true; // documentation
  return g0 === 0xfd00 && g1 === 0x0ec2; // AWS IMDS over IPv6 (fd00:ec2::254), inside fc00::/7 anyway
};
