import { readFileSync } from 'node:fs';
import type { LocalState } from './state-file.js';

// The twin's `GET /`: where things are. Tenants by name and id only; their keys are on the
// console and in local.json, never on an unauthenticated URL.

const packageVersion = (): string =>
  (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export interface TwinLinks {
  readonly api: string;
  readonly docs?: string;
  readonly link_test_page?: string;
  /** The operator console (local/console-pages.ts). */
  readonly console?: string;
}

export const twinIndex = (state: Pick<LocalState, 'tenants'>, links: TwinLinks) => ({
  name: 'Bankline local twin',
  version: packageVersion(),
  links,
  tenants: state.tenants.map(({ name, id }) => ({ name, id })),
});
