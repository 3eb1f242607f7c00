import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));
const withDynamo = ['test/helpers/dynamodb-local.ts'];

// Workers inherit this: the SDK's Node 20 notice would otherwise repeat in every suite.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// Five suites, kept apart: unit tests need nothing; integration and e2e share one DynamoDB
// Local per run (started in globalSetup); infra synthesises the CDK app.
export default defineConfig({
  root,
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: withDynamo,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], globalSetup: withDynamo, testTimeout: 60_000, hookTimeout: 60_000 },
      },
      // Real Chromium (playwright-core, /usr/bin/chromium) against the twin's sandbox vendor pages and
      // the operator console (an in-process twin on the shared DynamoDB Local).
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: withDynamo,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      { extends: true, test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000 } },
    ],
  },
});
