// The content policy's operator revisions (migration 0040_content_policy, CNT-01). Append-only.
export interface ContentPolicyRevisionsTable {
  revision: string;
  seq: number;
  base_revision: string;
  /** ContentPolicyOverrides as JSON text. */
  overrides: string;
  created_by: string;
  created_at: string;
  note: string;
}

export interface ContentPolicyTables {
  content_policy_revisions: ContentPolicyRevisionsTable;
}
