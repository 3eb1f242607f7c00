import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

// The operator console's one build, used by the twin (in memory, served at /console), the bench
// (its gzip size) and CDK (written to a folder the S3 deployment uploads). Static files only:
// hash routing keeps every page on index.html, so any static host serves it.

export const CONSOLE_ENTRY = fileURLToPath(new URL('./src/main.tsx', import.meta.url));

export interface ConsoleFile {
  readonly contentType: string;
  readonly body: Buffer;
}

/** File name (`index.html`, `app-<hash>.js`, `app-<hash>.css`) to its content. */
export type ConsoleFiles = ReadonlyMap<string, ConsoleFile>;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

// Relative asset paths: the same files work under the twin's /console/ and at a CloudFront root.
// Asset names carry their content hash, so a CDN may cache them for good; only index.html changes.
const indexHtml = (script: string, stylesheet: string): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>Bankline console</title>
<link rel="stylesheet" href="${stylesheet}">
<script type="module" src="${script}"></script>
</head>
<body><div id="app"></div></body>
</html>
`;

export async function buildConsole(): Promise<ConsoleFiles> {
  const result = await build({
    entryPoints: { app: CONSOLE_ENTRY },
    bundle: true,
    write: false,
    outdir: 'out',
    entryNames: '[name]-[hash]',
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'silent',
  });
  const files = new Map<string, ConsoleFile>();
  for (const output of result.outputFiles) {
    const name = output.path.split(/[\\/]/).pop()!;
    files.set(name, {
      contentType: CONTENT_TYPES[name.split('.').pop()!] ?? 'application/octet-stream',
      body: Buffer.from(output.contents),
    });
  }
  const named = (extension: string): string => [...files.keys()].find((name) => name.endsWith(extension))!;
  files.set('index.html', { contentType: CONTENT_TYPES.html!, body: Buffer.from(indexHtml(named('.js'), named('.css'))) });
  return files;
}

/** Writes the built files into `dir` (CDK's asset folder). */
export async function writeConsole(dir: string): Promise<ConsoleFiles> {
  const files = await buildConsole();
  await mkdir(dir, { recursive: true });
  for (const [name, file] of files) await writeFile(join(dir, name), file.body);
  return files;
}

/** Bytes after gzip of everything a first visit downloads. */
export const gzipSizeOf = (files: ConsoleFiles): number => [...files.values()].reduce((sum, f) => sum + gzipSync(f.body).length, 0);
