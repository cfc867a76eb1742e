// The system mail outbox (migration 0003_system_mail): mail from the platform to its customers
// (ACC-07) and confirmation mail to contacts. Every message is stored here before delivery.
export type SystemMailStatus = 'queued' | 'sent' | 'failed' | 'held' | 'suppressed';

export interface SystemMailTable {
  id: string;
  account_id: string | null;
  to_address: string;
  template: string;
  /** 'critical' | 'feature-news' */
  category: string;
  language: string;
  subject: string;
  text_body: string;
  html_body: string;
  status: SystemMailStatus;
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  next_attempt_at: string | null;
}

export interface SystemMailTables {
  system_mail: SystemMailTable;
}
