import { dynamoLedgerStore } from '../adapters/dynamodb/ledger-store.js';
import { isSandboxStage } from '../shared/stage.js';
import type { TenantClocks } from '../webhooks/ports.js';

// The webhooks domain's TenantClocks port bound to the ledger's clock store: on a sandbox stage
// each tenant's sandbox clock (functions/ledger/sandbox-clock.ts), elsewhere real time.

const sandboxClocks: TenantClocks = {
  movable: true,
  offsetMs: async (tenant) => (await dynamoLedgerStore.clockOffset(tenant)).offset_ms,
};

const realTime: TenantClocks = { movable: false, offsetMs: async () => 0 };

/** Read per call: tests switch the stage in process. */
export const tenantClocks = (): TenantClocks => (isSandboxStage() ? sandboxClocks : realTime);
