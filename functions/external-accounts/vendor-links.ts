import { badRequest, unprocessable } from '../shared/errors.js';
import { existingOwner } from './external-accounts.js';
import type { AggregatorVendor, ExternalAccountRecord, Owner } from './model.js';
import type { OwnerFacts, VendorLinkRecord } from './ports.js';
import { ownerFields, ownerFrom } from './rules.js';
import type { VendorFlowsContext } from './vendor-context.js';
import { viaVendor } from './vendor-errors.js';
import type { LinkTokenRequest } from './vendor-ports.js';
import type { AccessTokenInput, LinkTokenInput } from './vendor-schemas.js';

// link_tokens and access_tokens (contract §9.6), and the vendor links they create: one per
// access token (Plaid item) or vendor customer (Finicity), the token encrypted with its own key.

const cipherContext = (tenantId: string, linkId: string) => ({ tenant: tenantId, link: linkId });

export const sameOwner = (a: Owner, b: Owner) => a.kind === b.kind && a.id === b.id;

export const storeLink = async (
  ctx: VendorFlowsContext,
  input: { vendor: AggregatorVendor; owner: Owner; token: string; itemId: string; institutionId: string; microDeposit: boolean },
): Promise<VendorLinkRecord> => {
  const id = ctx.links.linkIdOf(input.vendor as 'PLAID' | 'FINICITY', input.token);
  const existing = await ctx.links.getLink(ctx.tenantId, id);
  if (existing) {
    if (!sameOwner(existing.owner, input.owner)) throw badRequest('this vendor link belongs to another customer');
    return existing;
  }
  const link: VendorLinkRecord = {
    id,
    tenant: ctx.tenantId,
    vendor: input.vendor as 'PLAID' | 'FINICITY',
    owner: input.owner,
    institution_id: input.institutionId,
    access_token_ciphertext: await ctx.cipher.encrypt(input.token, cipherContext(ctx.tenantId, id)),
    micro_deposit: input.microDeposit,
    item_id: input.itemId,
    creation_time: ctx.clock.now().toISOString(),
  };
  await ctx.links.putLink(link);
  return link;
};

export const tokenOf = (ctx: VendorFlowsContext, link: VendorLinkRecord): Promise<string> =>
  ctx.cipher.decrypt(link.access_token_ciphertext, cipherContext(link.tenant, link.id));

/** The caller's link for this token, which must have been issued to this owner. */
export const linkFor = async (ctx: VendorFlowsContext, vendor: 'PLAID' | 'FINICITY', token: string, owner: Owner, field: string) => {
  const link = await ctx.links.getLink(ctx.tenantId, ctx.links.linkIdOf(vendor, token));
  if (!link || !sameOwner(link.owner, owner))
    throw badRequest(
      vendor === 'PLAID'
        ? `${field} is not an access token of this customer: exchange the public token through POST /v0/external_accounts/access_tokens first`
        : `${field} is not the Finicity customer of this customer: create a link token for it first`,
    );
  return link;
};

/** The account's link, for the routes that read from the vendor. */
export const linkOfAccount = async (ctx: VendorFlowsContext, account: ExternalAccountRecord) => {
  const link = account.vendor_link_id ? await ctx.links.getLink(ctx.tenantId, account.vendor_link_id) : undefined;
  if (!link || !account.vendor_account_id)
    throw unprocessable(
      account.vendor_link_id
        ? 'this external account’s vendor link was removed: link the account again'
        : 'this external account was added manually: it has no vendor to read balances or transactions from',
    );
  return { link, token: await tokenOf(ctx, link) };
};

const expirationIn = (ctx: VendorFlowsContext, hours: number) => new Date(ctx.clock.now().getTime() + hours * 3_600_000).toISOString();

export const createLinkToken = async (ctx: VendorFlowsContext, input: LinkTokenInput) => {
  const owner = ownerFrom(input);
  const facts: OwnerFacts = await existingOwner(ctx, owner);
  const vendor = input.vendor ?? (await ctx.vendors.tenantVendor(ctx.tenantId));
  const updateMode = input.vendor_institution_id !== undefined || input.vendor_access_token !== undefined;
  if (updateMode && !(input.vendor_institution_id && input.vendor_access_token))
    throw badRequest('update mode needs both vendor_institution_id and vendor_access_token');
  if (input.verify_owner && owner.kind === 'BUSINESS')
    throw badRequest('verify_owner is available for personal customers only, not with business_id');
  if (input.verify_owner && input.type === 'MICRO_DEPOSIT')
    throw badRequest('verify_owner is not available for MICRO_DEPOSIT links (micro-deposits carry no owner data)');
  if (vendor === 'FINICITY' && input.type === 'MICRO_DEPOSIT')
    throw badRequest('type MICRO_DEPOSIT is available with PLAID only; Finicity has no micro-deposit flow');
  const gateway = await ctx.vendors.gateway(vendor);
  if (updateMode && vendor === 'PLAID') await linkFor(ctx, 'PLAID', input.vendor_access_token as string, owner, 'vendor_access_token');
  const customer = await viaVendor(() =>
    gateway.ensureCustomer({ id: owner.id, names: facts.names, ...(facts.email ? { email: facts.email } : {}) }),
  );
  if (customer)
    await storeLink(ctx, {
      vendor,
      owner,
      token: customer.vendor_customer_id,
      itemId: customer.vendor_customer_id,
      institutionId: '-',
      microDeposit: false,
    });
  const request: LinkTokenRequest = {
    userId: owner.id,
    ...(customer ? { vendorCustomerId: customer.vendor_customer_id } : {}),
    clientName: input.client_name,
    countryCodes: input.country_codes,
    language: input.language,
    type: input.type,
    ...(input.redirect_uri ? { redirectUri: input.redirect_uri } : {}),
    ...(input.link_customization_name ? { customizationName: input.link_customization_name } : {}),
    ...(updateMode ? { accessToken: input.vendor_access_token as string, institutionId: input.vendor_institution_id as string } : {}),
  };
  const token = await viaVendor(() => gateway.createLinkToken(request));
  return {
    ...ownerFields(owner),
    client_name: input.client_name,
    country_codes: input.country_codes,
    language: input.language,
    type: input.type,
    sdk_type: input.sdk_type ?? 'WEB',
    ...(input.redirect_uri ? { redirect_uri: input.redirect_uri } : {}),
    ...(input.link_customization_name ? { link_customization_name: input.link_customization_name } : {}),
    ...(input.vendor_institution_id ? { vendor_institution_id: input.vendor_institution_id } : {}),
    verify_owner: input.verify_owner ?? false,
    vendor,
    ...(customer ? { vendor_customer_id: customer.vendor_customer_id } : {}),
    link_token: token.link_token,
    // Contract §9.6: 4 hours for a new link (Plaid: 30 minutes in update mode, its own figure).
    expiration: token.expiration || expirationIn(ctx, 4),
    request_id: token.request_id,
  };
};

export const createAccessToken = async (ctx: VendorFlowsContext, input: AccessTokenInput) => {
  if (input.vendor_customer_id && input.customer_id && input.vendor_customer_id !== input.customer_id)
    throw badRequest('vendor_customer_id is a deprecated alias of customer_id: send one of them');
  const owner = ownerFrom({ customer_id: input.customer_id ?? input.vendor_customer_id, business_id: input.business_id });
  await existingOwner(ctx, owner);
  // Public tokens are Plaid's: a Finicity link has none (sync_vendor_accounts with vendor_customer_id instead).
  const exchanged = await viaVendor(async () => (await ctx.vendors.gateway('PLAID')).exchangePublicToken(input.vendor_public_token));
  await storeLink(ctx, {
    vendor: 'PLAID',
    owner,
    token: exchanged.access_token,
    itemId: exchanged.item_id,
    institutionId: input.vendor_institution_id,
    // Contract §9.6: "-" marks a micro-deposit link (no institution picked in Link).
    microDeposit: input.vendor_institution_id === '-',
  });
  return {
    ...ownerFields(owner),
    vendor_institution_id: input.vendor_institution_id,
    vendor_public_token: input.vendor_public_token,
    vendor_access_token: exchanged.access_token,
    request_id: exchanged.request_id,
  };
};
