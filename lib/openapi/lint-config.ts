import { createConfig } from '@redocly/openapi-core';

// Redocly's recommended rules, with one off: `no-ambiguous-paths` flags Synctera's own layout,
// `/accounts/templates/{template_id}` beside `/accounts/{account_id}/relationships`. Both API
// Gateway and the twin match a literal segment before a parameter, and account ids are UUIDs,
// so no request can match both.
export const lintConfig = () => createConfig({ extends: ['recommended'], rules: { 'no-ambiguous-paths': 'off' } });
