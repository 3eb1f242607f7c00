import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { EndpointTransport } from '../../webhooks/ports.js';
import { forbiddenAddress, type UrlMode } from '../../webhooks/url-rules.js';

// POSTs a delivery. In AWS every address the socket would connect to is checked when it is
// resolved, at delivery time (so a name rebound to 127.0.0.1 after the subscription was made is
// refused), and IP literals, which Node connects to without any lookup, are checked first.
// Redirects are never followed (a 3xx is a failed attempt). The response is read up to
// MAX_READ bytes; the timeout covers the whole exchange.

const MAX_READ = 64 * 1024;

export class RefusedAddress extends Error {
  override readonly name = 'RefusedAddress';
}

const checkedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const list = addresses as unknown as LookupAddress[];
    const bad = list.find((a) => forbiddenAddress(a.address));
    if (bad) return callback(new RefusedAddress(`refused: ${hostname} resolves to a non-public address`), '', 0);
    if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    const first = list[0]!;
    callback(null, first.address, first.family);
  });
};

export const webhookTransport = (mode: UrlMode): EndpointTransport => ({
  post: (url, headers, body, timeoutMs) =>
    new Promise((resolve, reject) => {
      const target = new URL(url);
      const host = target.hostname.replace(/^\[|\]$/g, '');
      if (mode === 'aws' && isIP(host) && forbiddenAddress(host))
        return reject(new RefusedAddress(`refused: ${host} is not a public address`));
      const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(
        target,
        {
          method: 'POST',
          headers: { ...headers, 'Content-Length': Buffer.byteLength(body), 'User-Agent': 'Bankline-Webhooks/1.0' },
          timeout: timeoutMs,
          ...(mode === 'aws' ? { lookup: checkedLookup } : {}),
        },
        (res) => {
          const chunks: Buffer[] = [];
          let read = 0;
          res.on('data', (chunk: Buffer) => {
            if (read < MAX_READ) chunks.push(chunk.subarray(0, MAX_READ - read));
            read += chunk.length;
          });
          res.on('end', () => {
            clearTimeout(deadline);
            resolve({ code: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
          });
          res.on('error', (error) => {
            clearTimeout(deadline);
            reject(error);
          });
        },
      );
      const deadline = setTimeout(() => req.destroy(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
      req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
      req.on('error', (error) => {
        clearTimeout(deadline);
        reject(error);
      });
      req.end(body);
    }),
});
