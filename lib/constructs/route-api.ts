// Turns the route table into API Gateway resources and methods. Nothing about a route is
// written here: adding a row to functions/routes.ts is all it takes to expose it.
import type { IResource, Integration } from 'aws-cdk-lib/aws-apigateway';
import type { Domain, Route } from '../../functions/routes.js';

/**
 * API Gateway allows one path parameter per level (`/customers/{customer_id}` and
 * `/customers/{id}` cannot coexist); catching it here fails synth instead of a deploy.
 */
export function assertOneParameterPerLevel(routes: readonly Route[]): void {
  const parameterAt = new Map<string, string>();
  for (const route of routes) {
    const segments = route.path.split('/').filter(Boolean);
    segments.forEach((segment, i) => {
      if (!segment.startsWith('{')) return;
      const parent = `/${segments.slice(0, i).join('/')}`;
      const existing = parameterAt.get(parent);
      if (existing !== undefined && existing !== segment) {
        throw new Error(`Routes disagree on the parameter under ${parent}: ${existing} vs ${segment} (${route.path})`);
      }
      parameterAt.set(parent, segment);
    });
  }
}

export function addRoutes(root: IResource, routes: readonly Route[], integrationFor: (domain: Domain) => Integration): void {
  assertOneParameterPerLevel(routes);
  for (const route of routes) {
    // Authorization comes from the API's defaultMethodOptions, so no route can miss it.
    root.resourceForPath(route.path).addMethod(route.method, integrationFor(route.domain), {
      operationName: route.operation,
    });
  }
}
