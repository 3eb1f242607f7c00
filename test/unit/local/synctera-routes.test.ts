import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../../functions/routes.js';
import { GENERATED_FILE, renderSyncteraRoutes, SYNCTERA_OPENAPI } from '../../../local/synctera/generate-routes.js';
import { SYNCTERA_ROUTES } from '../../../local/synctera/routes.generated.js';
import { syncteraRouteFor } from '../../../local/synctera/unserved.js';

describe('Synctera routes Bankline does not serve', () => {
  it('names the template a request path fits, literal segments before {param} ones', () => {
    expect(syncteraRouteFor('get', '/v0/cards/abc')).toBe('GET /v0/cards/{card_id}');
    expect(syncteraRouteFor('GET', '/v0/cards/abc/')).toBe('GET /v0/cards/{card_id}');
    expect(syncteraRouteFor('GET', '/v0/accounts/products')).toBe('GET /v0/accounts/products');
    expect(syncteraRouteFor('GET', '/v0/cards//barcodes')).toBeUndefined();
    expect(syncteraRouteFor('GET', '/v0/custmers')).toBeUndefined();
  });

  it('the generated list holds method and path only, and every Bankline route that mirrors Synctera is in it', () => {
    expect(SYNCTERA_ROUTES.every((r) => /^(GET|PUT|POST|DELETE|PATCH) \/v0\/\S*$/.test(r))).toBe(true);
    expect(SYNCTERA_ROUTES).toContain('GET /v0/customers/{customer_id}');
    expect(ROUTES.filter((r) => SYNCTERA_ROUTES.includes(`${r.method} ${r.path}`)).length).toBeGreaterThan(20);
  });

  it.skipIf(!existsSync(SYNCTERA_OPENAPI))('is what the generator makes from the reference document (npm run synctera-routes)', () => {
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(renderSyncteraRoutes(JSON.parse(readFileSync(SYNCTERA_OPENAPI, 'utf8'))));
  });
});
