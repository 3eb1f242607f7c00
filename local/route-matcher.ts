import { ROUTES, type Route } from '../functions/routes.js';

// Resolves a request path to an API Gateway resource the way a REST API does: the path picks a
// resource (a literal segment beats a `{param}` segment at the same level), then the method
// picks one of its methods. A path with no resource and a resource without that method are
// the same thing to API Gateway (MISSING_AUTHENTICATION_TOKEN), so both come back as null.

interface ResourceNode {
  literals: Map<string, ResourceNode>;
  param?: { name: string; node: ResourceNode };
  methods: Map<string, Route>;
}

export interface RouteMatch {
  route: Route;
  /** URL-decoded values keyed by the template's names; empty when the template has none. */
  pathParameters: Record<string, string>;
}

const newNode = (): ResourceNode => ({ literals: new Map(), methods: new Map() });

export const buildResourceTree = (routes: readonly Route[]): ResourceNode => {
  const root = newNode();
  for (const route of routes) {
    let node = root;
    for (const segment of route.path.split('/').filter(Boolean)) {
      const param = segment.match(/^\{(.+)\}$/)?.[1];
      if (param) {
        node.param ??= { name: param, node: newNode() };
        node = node.param.node;
      } else {
        let next = node.literals.get(segment);
        if (!next) node.literals.set(segment, (next = newNode()));
        node = next;
      }
    }
    node.methods.set(route.method, route);
  }
  return root;
};

const decode = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
};

/** Depth-first, literal first: the most specific resource that covers the whole path (from segment `at` on). */
const findResource = (
  node: ResourceNode,
  segments: readonly string[],
  at: number,
  params: Record<string, string>,
): ResourceNode | undefined => {
  const head = segments[at];
  if (head === undefined) return node;
  const literal = node.literals.get(head);
  const viaLiteral = literal && findResource(literal, segments, at + 1, params);
  if (viaLiteral) return viaLiteral;
  if (!node.param || head === '') return undefined;
  const value = decode(head);
  if (value === undefined) return undefined;
  const found = findResource(node.param.node, segments, at + 1, params);
  if (found) params[node.param.name] = value;
  return found;
};

/** API Gateway ignores one trailing slash: /v0/customers/ is /v0/customers. */
export const pathSegments = (path: string): string[] =>
  (path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path).split('/').slice(1);

export const createRouteMatcher = (routes: readonly Route[] = ROUTES) => {
  const root = buildResourceTree(routes);
  return (method: string, path: string): RouteMatch | null => {
    // API Gateway ignores one trailing slash: /v0/customers/ is /v0/customers.
    const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
    const segments = trimmed.split('/');
    const pathParameters: Record<string, string> = {};
    // Segment 0 is the empty string before the leading slash.
    const resource = findResource(root, segments, 1, pathParameters);
    const route = resource?.methods.get(method.toUpperCase());
    return route ? { route, pathParameters } : null;
  };
};

/** The methods the resource at `path` has (empty when no resource covers it): the twin's `Allow`. */
export const createMethodLister = (routes: readonly Route[] = ROUTES) => {
  const root = buildResourceTree(routes);
  return (path: string): string[] => [...(findResource(root, pathSegments(path), 0, {})?.methods.keys() ?? [])].sort();
};

/** The route a replayed event names by its method and resource template. */
export const routeForResource = (method: string, resource: string, routes: readonly Route[] = ROUTES): Route | undefined =>
  routes.find((r) => r.method === method.toUpperCase() && r.path === resource);
