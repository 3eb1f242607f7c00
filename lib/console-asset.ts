// What the console stack uploads: the operator console SPA (console/), built by its own esbuild
// module at synth time through CDK's local bundling (no Docker), so a deploy always ships the
// console of the commit deployed. Template-only synths (tests, `cdk synth --exclusively`) skip
// bundling, and a checkout without console/ yet deploys a placeholder page: synth never fails
// for want of a build.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DockerImage } from 'aws-cdk-lib';
import { type ISource, Source } from 'aws-cdk-lib/aws-s3-deployment';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The console's sources: the asset hash follows them, so an unchanged console is not re-uploaded. */
export const CONSOLE_SOURCE_DIR = join(REPO_ROOT, 'console');

/** The console's build module: exports `writeConsole(dir)`, writing index.html and its assets into dir. */
export const CONSOLE_BUILD_MODULE = join(CONSOLE_SOURCE_DIR, 'build.ts');

/** The page every path without a file extension falls back to (hash routing keeps pages on it). */
export const CONSOLE_INDEX = 'index.html';

const PLACEHOLDER_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bankline console</title></head>
<body><p>The Bankline operator console was not part of this deployment's checkout.</p></body></html>
`;

/** Runs the console's build module into `outputDir` with the repository's tsx, in a child process (synth stays synchronous). */
const buildConsoleInto = (outputDir: string): void => {
  const script = `const m = await import(${JSON.stringify(pathToFileURL(CONSOLE_BUILD_MODULE).href)}); await m.writeConsole(${JSON.stringify(outputDir)});`;
  execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO_ROOT, stdio: 'inherit' });
};

export const consoleSource = (): ISource => {
  if (!existsSync(CONSOLE_BUILD_MODULE)) return Source.data(CONSOLE_INDEX, PLACEHOLDER_HTML);
  return Source.asset(CONSOLE_SOURCE_DIR, {
    bundling: {
      // Never pulled: local bundling always succeeds or throws.
      image: DockerImage.fromRegistry('bankline-console-builds-locally'),
      local: {
        tryBundle(outputDir) {
          buildConsoleInto(outputDir);
          return true;
        },
      },
    },
  });
};
