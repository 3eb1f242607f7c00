import { writeTenantVendor } from '../../functions/adapters/dynamodb/vendor-settings.js';
import type { Tenant } from '../../functions/tenancy/model.js';
import { CliError, type CommandOutput } from '../keys-commands.js';

// `npm run keys -- set-vendor --tenant T --vendor PLAID|FINICITY`: the tenant's aggregator for
// external accounts (Synctera picks it per program; a link_tokens `vendor` overrides it per link).

export const setVendorCommand = async (tenant: Tenant, vendor: string | undefined): Promise<CommandOutput> => {
  const chosen = vendor?.toUpperCase();
  if (chosen !== 'PLAID' && chosen !== 'FINICITY') throw new CliError('--vendor must be PLAID or FINICITY', 2);
  await writeTenantVendor(tenant.id, chosen);
  return { json: { tenant_id: tenant.id, vendor: chosen }, text: `Tenant ${tenant.id} now links external accounts through ${chosen}.` };
};
