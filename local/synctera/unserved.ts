import { pathSegments } from '../route-matcher.js';
import { SYNCTERA_ROUTES } from './routes.generated.js';

// Synctera routes Bankline does not serve (yet): the twin names them in its 404 so a developer
// can tell a missing feature from a typo. The list is generated (routes.generated.ts).

interface Template {
  readonly method: string;
  readonly template: string;
  readonly segments: readonly string[];
}

const TEMPLATES: readonly Template[] = SYNCTERA_ROUTES.map((entry) => {
  const [method = '', template = ''] = entry.split(' ');
  return { method, template, segments: template.split('/').slice(1) };
});

const fits = (template: readonly string[], path: readonly string[]): boolean =>
  template.length === path.length && template.every((t, i) => (t.startsWith('{') ? path[i] !== '' : t === path[i]));

/** `GET /v0/cards/{card_id}` when the request is a Synctera route, else undefined. Literal templates win over `{param}` ones. */
export const syncteraRouteFor = (method: string, path: string): string | undefined => {
  const segments = pathSegments(path);
  const upper = method.toUpperCase();
  const matches = TEMPLATES.filter((t) => t.method === upper && fits(t.segments, segments));
  const best = matches.sort((a, b) => a.template.split('{').length - b.template.split('{').length)[0];
  return best ? `${best.method} ${best.template}` : undefined;
};
