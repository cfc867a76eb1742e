// Public forms' bot defence (migration 0006).

/** A start stamp spent on a stored sign-up, kept until the stamp would have expired. */
export interface UsedStartStampsTable {
  /** The signed stamp as the page carried it (not a secret: it was in the page). */
  stamp: string;
  form_id: string;
  expires_at: string;
}

export interface BotDefenceTables {
  used_start_stamps: UsedStartStampsTable;
}
