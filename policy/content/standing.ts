// Repeated prohibited content feeds account standing (CNT-02, issue 9 §5): when an account has had
// `rejectsToRestrict` campaigns rejected (by the screen or a reviewer) within `windowDays`, its
// email sending is restricted through the standing service, audited with this rule id.
export const CONTENT_STANDING = {
  rule: 'content.rejects-to-restrict',
  rejectsToRestrict: 3,
  windowDays: 30,
} as const;
