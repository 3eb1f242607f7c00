import { randomBytes } from 'node:crypto';
import { FinicityError } from './finicity-error.js';

// Partner authentication: the partner id and secret buy a token that every other call carries in
// Finicity-App-Token until it expires.

export const createPartnerTokens = (partner: { partnerId: string; partnerSecret: string; lifetimeMs: number }) => {
  const tokens = new Map<string, number>();
  let authentications = 0;
  return {
    authentications: () => authentications,
    authenticate: (body: Record<string, unknown>) => {
      if (body.partnerId !== partner.partnerId || body.partnerSecret !== partner.partnerSecret)
        throw new FinicityError(401, 10023, 'Invalid Partner credentials');
      authentications += 1;
      const token = randomBytes(18).toString('base64url');
      tokens.set(token, Date.now() + partner.lifetimeMs);
      return token;
    },
    check: (token: string | string[] | undefined) => {
      const expires = typeof token === 'string' ? tokens.get(token) : undefined;
      if (!expires || expires < Date.now()) throw new FinicityError(401, 10024, 'Token is invalid or expired');
    },
  };
};
