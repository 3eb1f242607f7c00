import { gzipSync } from 'node:zlib';
import { buildConsole } from '../console/build.js';

// The operator console's weight: each file the browser downloads on a first visit, raw and
// gzipped (what CloudFront sends), Preact included.

export interface ConsoleFigure {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export const CONSOLE_GZIP_LIMIT_BYTES = 100 * 1024;

export async function measureConsole(): Promise<ConsoleFigure[]> {
  const files = await buildConsole();
  return [...files].map(([file, { body }]) => ({ file, bytes: body.length, gzipBytes: gzipSync(body).length }));
}
