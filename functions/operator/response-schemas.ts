import * as z from 'zod/mini';
import { uuid } from '../shared/schemas/common.js';

// The shapes the operator read path answers with (views.ts), strict: for the OpenAPI document
// (functions/route-schemas.ts) and the tests that check responses against it.

const dateTime = z.iso.datetime({ offset: true });
const statusCounts = z.strictObject({ ACTIVE: z.int(), DELETED: z.int() });

export const organizationResponseSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  creation_time: dateTime,
  tenants: z.array(z.strictObject({ id: uuid, name: z.string(), bank_routing: z.string(), creation_time: dateTime })),
});

export const migrationSummarySchema = z.strictObject({
  organization_id: z.string(),
  pairs: z.array(
    z.strictObject({
      old_tenant: uuid,
      old_tenant_name: z.string(),
      tenant: uuid,
      tenant_name: z.string(),
      by_resource_type: z.strictObject({ PERSON: statusCounts, BUSINESS: statusCounts, ACCOUNT: statusCounts }),
      total: statusCounts,
    }),
  ),
});
