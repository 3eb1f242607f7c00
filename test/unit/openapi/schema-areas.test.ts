// The route schemas are written per area and joined with spreads, where an operation named in
// two areas would silently keep only the later one: each must be named once.
import { describe, expect, it } from 'vitest';
import { ACCOUNT_SCHEMAS } from '../../../functions/route-schemas/accounts.js';
import { CLOSURE_SCHEMAS } from '../../../functions/route-schemas/closures.js';
import { CUSTOMER_SCHEMAS } from '../../../functions/route-schemas/customers.js';
import { EXTERNAL_ACCOUNT_SCHEMAS } from '../../../functions/route-schemas/external-accounts.js';
import { LEDGER_SCHEMAS } from '../../../functions/route-schemas/ledger.js';
import { MAPPING_SCHEMAS } from '../../../functions/route-schemas/mappings.js';
import { OPERATOR_SCHEMAS } from '../../../functions/route-schemas/operator.js';
import { WEBHOOK_SCHEMAS } from '../../../functions/route-schemas/webhooks.js';
import { ROUTE_SCHEMAS } from '../../../functions/route-schemas.js';

const AREAS = [
  CUSTOMER_SCHEMAS,
  ACCOUNT_SCHEMAS,
  MAPPING_SCHEMAS,
  LEDGER_SCHEMAS,
  EXTERNAL_ACCOUNT_SCHEMAS,
  WEBHOOK_SCHEMAS,
  CLOSURE_SCHEMAS,
  OPERATOR_SCHEMAS,
];

describe('route schemas by area', () => {
  it('names each operation in one area only, and the registry holds every area', () => {
    const names = AREAS.flatMap((area) => Object.keys(area));
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    expect(Object.keys(ROUTE_SCHEMAS).sort()).toEqual([...names].sort());
  });
});
