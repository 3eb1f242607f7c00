// The signed-in operator. The key lives in sessionStorage only (gone with the tab), never in the
// URL, a log or localStorage; the organization is read again from the API on each load.

const STORAGE_KEY = 'bankline.console.key';

export interface TenantRef {
  readonly id: string;
  readonly name: string;
}

export interface Organization {
  readonly id: string;
  readonly name: string;
  readonly tenants: readonly TenantRef[];
}

export interface Session {
  readonly key: string;
  /** An operator key names the tenant per request; a tenant API key (fallback) is its own tenant. */
  readonly operator: boolean;
  readonly organization: Organization;
}

/** The tenant id used in routes when signed in with a tenant API key (no X-Bankline-Tenant header). */
export const KEY_TENANT = 'key';

export const storedKey = (): string | null => sessionStorage.getItem(STORAGE_KEY);
export const storeKey = (key: string): void => sessionStorage.setItem(STORAGE_KEY, key);
export const forgetKey = (): void => sessionStorage.removeItem(STORAGE_KEY);

export const tenantName = (session: Session, id: string): string =>
  session.organization.tenants.find((t) => t.id === id)?.name ?? `tenant ${id.slice(0, 8)}`;
