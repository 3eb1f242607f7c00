import { fromEnv } from '@aws-sdk/credential-provider-env';

// Lambda hands a function its role's credentials in environment variables (the twin and the
// tests set the same ones), so functions read credentials from there and nowhere else.
//
// lib/bundling.ts also bundles this module in place of @aws-sdk/credential-provider-node, the
// SDK's default chain (ini files, SSO, STS, process, web identity), which the client imports
// even when it is handed credentials; so it exports the name the SDK imports.

export const environmentCredentials = fromEnv;

/** The SDK's default-chain entry point, as seen from inside a bundle: the environment alone. */
export const defaultProvider = fromEnv;
