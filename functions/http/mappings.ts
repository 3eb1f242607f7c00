import { createDomainHandler } from './create-domain-handler.js';
import { mappingOperations } from './mappings/mapping-operations.js';
import { tradelineOperations } from './mappings/tradeline-operations.js';

// Mappings domain Lambda: migration mappings (readable by both tenants of a mapping) and the
// tradeline transfers credit-account mappings record.
export const handler = createDomainHandler('mappings', {
  createMigrationMapping: mappingOperations.create,
  listMigrationMappings: mappingOperations.list,
  getMigrationMapping: mappingOperations.get,
  patchMigrationMapping: mappingOperations.patch,
  deleteMigrationMapping: mappingOperations.remove,
  listTradelineTransfers: tradelineOperations.list,
  getTradelineTransfer: tradelineOperations.get,
});
