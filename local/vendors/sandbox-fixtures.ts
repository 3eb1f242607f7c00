import type { LocalState } from '../state-file.js';

// Placeholders of the external-account samples that only a sandbox vendor can make (replay,
// `{{plaid_public_token}}` and `{{plaid_account_id}}`): Plaid's own sandbox calls on the twin's
// fake Plaid, whose URL and credentials are in local.json. The public token is a same-day
// micro-deposit item, so the account the samples add stays UNVERIFIED and PATCH applies to it.

export interface SandboxFixtureContext {
  vendors: LocalState['vendors'];
  /** Another placeholder, created (once per replay) under the same API key. */
  resolve(name: string): Promise<string>;
}

const plaidCall = async (ctx: SandboxFixtureContext, path: string, body: Record<string, unknown>) => {
  if (!ctx.vendors) throw new Error('the sandbox vendors are not running: start the twin (npm start), then replay');
  const { url, client_id, secret } = ctx.vendors.plaid;
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'PLAID-CLIENT-ID': client_id, 'PLAID-SECRET': secret },
    body: JSON.stringify(body),
  });
  const data = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`fake Plaid ${path}: ${response.status} ${JSON.stringify(data)}`);
  return data;
};

export const SANDBOX_FIXTURES: Readonly<Record<string, (ctx: SandboxFixtureContext) => Promise<string>>> = {
  plaid_public_token: async (ctx) =>
    (
      await plaidCall(ctx, '/sandbox/public_token/create', {
        institution_id: 'ins_109508',
        initial_products: ['auth'],
        options: { override_username: 'user_micro_deposit' },
      })
    ).public_token as string,
  plaid_account_id: async (ctx) => {
    const data = await plaidCall(ctx, '/accounts/get', { access_token: await ctx.resolve('plaid_access_token') });
    return (data.accounts as { account_id: string }[])[0]?.account_id as string;
  },
};
