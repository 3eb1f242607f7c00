// The benchmark's calls to the twin's API, as one tenant's API key.

export interface Tenant {
  id: string;
  apiKey: string;
  size: number;
}

export type Call = (tenant: Tenant, path: string, query?: Record<string, string>) => Promise<any>;

export const caller =
  (url: string): Call =>
  async (tenant, path, query = {}) => {
    const response = await fetch(`${url}${path}?${new URLSearchParams(query)}`, { headers: { Authorization: `Bearer ${tenant.apiKey}` } });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`GET ${path} answered ${response.status}: ${text}`);
    return JSON.parse(text);
  };

export const post = async (url: string, tenant: Tenant, path: string, body: unknown): Promise<any> => {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${tenant.apiKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`POST ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text);
};
