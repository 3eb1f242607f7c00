// Whether this deployment is a sandbox: the twin (STAGE=local) or a stage deployed with
// SANDBOX=true. Sandbox-only routes (the clock, simulations, wipe) answer 403 elsewhere.
export const isSandboxStage = (env: Readonly<Record<string, string | undefined>> = process.env): boolean =>
  env.SANDBOX === 'true' || env.STAGE === 'local';
