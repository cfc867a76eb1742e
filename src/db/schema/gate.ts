// The send gate's records (migration 0015_send_refusals).
export interface SendRefusalsTable {
  id: string;
  account_id: string;
  list_id: string;
  contact_id: string;
  channel: string;
  /** A SendRefusal (src/core/gate/types.ts). */
  reason: string;
  /** The campaign (or other send) the decision was for; null when none was named. */
  context_id: string | null;
  decided_at: string;
}

export interface GateTables {
  send_refusals: SendRefusalsTable;
}
