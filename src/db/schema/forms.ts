// Sign-up forms, their immutable versions, and double opt-in confirmations (migration 0013).
export interface FormsTable {
  id: string;
  account_id: string;
  /** Name of the latest version (for lists). */
  name: string;
  /** Highest version number saved (every edit adds one). */
  latest_version: number;
  /** The version the public page serves; null until first published. */
  published_version: number | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface FormVersionsTable {
  form_id: string;
  version: number;
  account_id: string;
  /** JSON: FormDefinition (src/core/forms/definition.ts), parsed with its schema when read. */
  definition: string;
  /** JSON: RenderedForm — the exact texts shown and their SHA-256 (CON-07). */
  rendered: string;
  created_at: string;
  /** user id or API key id; null for system */
  created_by: string | null;
}

export interface FormConfirmationsTable {
  /** The id the signed confirmation token carries (CON-06). */
  id: string;
  account_id: string;
  contact_id: string;
  /** null: a confirmation started by API consent (0014), its items carry the text shown. */
  form_id: string | null;
  form_version: number | null;
  /** JSON array of { listId, boxKey } (or { listId, textShown } without a form) awaiting confirmation. */
  items: string;
  language: string;
  created_at: string;
  expires_at: string;
  /** Set once, by the POST that confirms (single use). */
  confirmed_at: string | null;
  confirm_ip: string | null;
  confirm_user_agent: string | null;
}

export interface FormTables {
  forms: FormsTable;
  form_versions: FormVersionsTable;
  form_confirmations: FormConfirmationsTable;
}
