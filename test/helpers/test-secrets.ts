// Fixed secrets for test runs, so no test reads or creates `.bankline/` files. Set in the
// environment where TABLE_NAME is (the globalSetup and test/helpers/api.ts).

/** What the twin keeps in `.bankline/page-token.secret`: 64 hex characters. */
export const TEST_PAGE_TOKEN_SECRET = '7e57'.repeat(16);
