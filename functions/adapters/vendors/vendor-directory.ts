import type { AggregatorVendor } from '../../external-accounts/model.js';
import type { VendorDirectory, VendorGateway } from '../../external-accounts/vendor-ports.js';
import { readTenantVendor } from '../dynamodb/vendor-settings.js';
import { finicityGateway } from './finicity/finicity-gateway.js';
import { plaidGateway } from './plaid/plaid-gateway.js';
import { type VendorSettings, vendorSettings } from './vendor-config.js';

// The aggregators, built once per container from the settings read at cold start.

const built = new Map<AggregatorVendor, VendorGateway>();

const build = (vendor: AggregatorVendor, s: VendorSettings): VendorGateway => {
  if (vendor === 'PLAID') {
    if (!s.credentials.plaid) throw new Error('Plaid is not configured (vendor credentials have no plaid entry)');
    return plaidGateway({
      basePath: s.plaidBaseUrl,
      clientId: s.credentials.plaid.client_id,
      secret: s.credentials.plaid.secret,
      timeoutMs: s.timeoutMs,
    });
  }
  if (!s.credentials.finicity) throw new Error('Finicity is not configured (vendor credentials have no finicity entry)');
  return finicityGateway({
    baseUrl: s.finicityBaseUrl,
    testing: s.environment === 'sandbox',
    ...s.credentials.finicity,
    timeoutMs: s.timeoutMs,
  });
};

/** Settings are read on the first vendor call (a request that never reaches a vendor never needs them). */
export const vendorDirectory: VendorDirectory = {
  async gateway(vendor) {
    let gateway = built.get(vendor);
    if (!gateway) {
      gateway = build(vendor, await vendorSettings());
      built.set(vendor, gateway);
    }
    return gateway;
  },
  tenantVendor: readTenantVendor,
};

export { vendorSettings };

/** Tests restart the fakes on new ports. */
export const resetVendorGatewaysForTests = (): void => built.clear();
