import { CONSOLE_ACT, ORGANIZATION_READ, PERMISSIONS, type Permission } from '../routes/permissions.js';

// What an operator key (issue 13) may do is a rule rather than stored data: a key issued today
// follows tomorrow's rules. The authorizer grants these; the HTTP chain applies the rest of the
// rules per request (functions/http/operator-access.ts).

/** Every `*:read` of tenant routes, the organization read path, and the console's actions. */
export const OPERATOR_PERMISSIONS: readonly Permission[] = [
  ...PERMISSIONS.filter((p) => p.endsWith(':read')),
  ORGANIZATION_READ,
  CONSOLE_ACT,
];
