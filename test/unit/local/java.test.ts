import { describe, expect, it } from 'vitest';
import { assertJavaAvailable, JAVA_REQUIRED_MESSAGE, javaMajorVersion } from '../../../local/java.js';

describe('the Java check before DynamoDB Local starts', () => {
  it('names the package to install when java cannot be run', () => {
    expect(() => assertJavaAvailable('bankline-no-such-java')).toThrow(JAVA_REQUIRED_MESSAGE);
    expect(JAVA_REQUIRED_MESSAGE).toContain('apt-get install -y openjdk-17-jre-headless');
  });

  it('reads the major version from both version styles', () => {
    expect(javaMajorVersion('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(javaMajorVersion('java version "1.8.0_382"')).toBe(8);
    expect(javaMajorVersion('nothing useful')).toBeUndefined();
  });
});
