// The permissions alone (routes/permissions.ts), not the route table: the authorizer imports this.
import { createHash, randomBytes } from 'node:crypto';
import { PERMISSIONS, type Permission } from '../routes/permissions.js';

// 32 random bytes = 256 bits: guessing is hopeless, so a fast hash (SHA-256) is the right
// storage form; a slow password hash would only add latency to every authorizer miss.
const KEY_BYTES = 32;
const KEY_PREFIX = 'bl_';
const KEY_PATTERN = /^bl_[A-Za-z0-9_-]{43}$/;

export const generateApiKey = (): string => KEY_PREFIX + randomBytes(KEY_BYTES).toString('base64url');

export const hashApiKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

export const looksLikeApiKey = (candidate: string): boolean => KEY_PATTERN.test(candidate);

export const displayPrefix = (key: string): string => key.slice(0, KEY_PREFIX.length + 6);

// Synctera's own docs spell some scopes in the plural (`accounts:read`); both spellings grant
// the same permission here.
const RESOURCE_ALIASES: Record<string, string> = {
  accounts: 'account',
  customers: 'customer',
  external_accounts: 'external_account',
  webhooks: 'webhook',
};

export class UnknownPermissionError extends Error {}

const expand = (raw: string): Permission[] => {
  if (raw === '*') return [...PERMISSIONS];
  const parts = raw.split(':');
  const [resource = '', action = ''] = parts.length === 2 ? parts : [];
  const canonical = `${RESOURCE_ALIASES[resource] ?? resource}:${action}`;
  const matches = PERMISSIONS.filter((p) => (action === '*' ? p.startsWith(canonical.slice(0, -1)) : p === canonical));
  if (matches.length === 0) throw new UnknownPermissionError(`unknown permission ${raw}; known: ${PERMISSIONS.join(', ')}`);
  return matches;
};

/** Parses `customer:read,account:*` style lists; `*` alone grants everything. */
export const parsePermissions = (list: string): Permission[] => {
  const granted = new Set(
    list
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)
      .flatMap(expand),
  );
  if (granted.size === 0) throw new UnknownPermissionError('at least one permission is required');
  return PERMISSIONS.filter((p) => granted.has(p));
};

/** Reads `Authorization: Bearer <key>`; header names are case-insensitive on the wire. */
export const bearerToken = (headers: Record<string, string | undefined> | null | undefined): string | undefined => {
  if (!headers) return undefined;
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'authorization');
  const match = entry?.[1]?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
};
