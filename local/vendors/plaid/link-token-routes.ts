import { randomUUID } from 'node:crypto';
import { PlaidError, requestId } from './plaid-error.js';
import type { PlaidRoutes, PlaidStore } from './plaid-store.js';

// Items and link tokens: create and read a link token, exchange a public token for an access
// token, remove an item.

const wireTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export const linkTokenRoutes = (store: PlaidStore): PlaidRoutes => ({
  '/link/token/create': (body) => {
    if (!body.client_name || !body.user?.client_user_id || !Array.isArray(body.country_codes) || !body.language)
      throw new PlaidError(
        400,
        'INVALID_REQUEST',
        'MISSING_FIELDS',
        'the following required fields are missing: client_name, user, country_codes, language',
      );
    const update = typeof body.access_token === 'string';
    if (update) store.itemOf(body, { data: false });
    else if (!Array.isArray(body.products) || body.products.length === 0)
      throw new PlaidError(400, 'INVALID_REQUEST', 'MISSING_FIELDS', 'the following required fields are missing: products');
    const token = `link-sandbox-${randomUUID()}`;
    // Plaid: 4 hours for a new item, 30 minutes in update mode.
    const expires = Date.now() + (update ? 30 : 240) * 60_000;
    store.linkTokens.set(token, {
      token,
      user: body.user.client_user_id,
      ...(update ? { access_token: body.access_token } : {}),
      micro: body.auth?.same_day_microdeposits_enabled === true,
      expires,
      created: Date.now(),
      products: update ? [] : body.products,
      account_filters: body.account_filters ?? null,
    });
    return { link_token: token, expiration: wireTime(expires), request_id: requestId() };
  },
  '/link/token/get': (body) => {
    const link = store.liveLinkToken(body.link_token);
    return {
      link_token: link.token,
      created_at: wireTime(link.created),
      expiration: wireTime(link.expires),
      metadata: { initial_products: link.products, account_filters: link.account_filters },
      request_id: requestId(),
    };
  },
  '/item/public_token/exchange': (body) => {
    const found = store.publicTokens.get(body.public_token);
    if (!found || found.expires < Date.now())
      throw new PlaidError(
        400,
        'INVALID_INPUT',
        'INVALID_PUBLIC_TOKEN',
        'provided public token is expired. Public tokens expire 30 minutes after creation at which point they can no longer be exchanged',
      );
    store.publicTokens.delete(body.public_token);
    return { access_token: found.item.access_token, item_id: found.item.item_id, request_id: requestId() };
  },
  '/item/remove': (body) => {
    const item = store.itemOf(body, { data: false });
    item.removed = true;
    return { request_id: requestId() };
  },
});
