import { useEffect, useState } from 'preact/hooks';

// Hash routing (`#/t/<tenant>/accounts/<id>?from=...`): every page is index.html, so the console
// is hostable as static files. Keys never appear here.

export interface Route {
  readonly parts: readonly string[];
  readonly query: URLSearchParams;
}

export const parseHash = (hash: string): Route => {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?', 2);
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(search) };
};

export const href = (parts: readonly string[], query: Record<string, string | undefined> = {}): string => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  const search = params.toString();
  return `#/${parts.map(encodeURIComponent).join('/')}${search ? `?${search}` : ''}`;
};

export const tenantHref = (tenant: string, parts: readonly string[], query: Record<string, string | undefined> = {}): string =>
  href(['t', tenant, ...parts], query);

export const navigate = (target: string): void => {
  location.hash = target;
};

export const useRoute = (): Route => {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
};
