// The migration mapping and tradeline routes' entries of the route schema registry (functions/route-schemas.ts).
import { mappingListQuery } from '../http/mappings/mapping-operations.js';
import { tradelineListQuery } from '../http/mappings/tradeline-operations.js';
import * as m from '../mappings/response-schemas.js';
import * as mappingRequests from '../mappings/schemas.js';
import type { RouteSchemas } from './entry.js';

export const MAPPING_SCHEMAS: Readonly<Record<string, RouteSchemas>> = {
  // Migration mappings (contract §10) and tradeline transfers (a Bankline extension).
  createMigrationMapping: { body: mappingRequests.createMappingSchema, responses: { 201: m.mappingResponseSchema } },
  listMigrationMappings: { query: mappingListQuery, responses: { 200: m.mappingListSchema } },
  getMigrationMapping: { responses: { 200: m.mappingResponseSchema } },
  patchMigrationMapping: { body: mappingRequests.patchMappingSchema, responses: { 200: m.mappingResponseSchema } },
  deleteMigrationMapping: { responses: { 200: m.mappingDeletedSchema } },
  listTradelineTransfers: { query: tradelineListQuery, responses: { 200: m.tradelineTransferListSchema }, extension: true },
  getTradelineTransfer: { responses: { 200: m.tradelineTransferResponseSchema }, extension: true },
};
