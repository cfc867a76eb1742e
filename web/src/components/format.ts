import type { Standing } from '../../../src/core/standing/machine.ts';

export function formatTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(language === 'ro' ? 'ro-RO' : 'en-GB');
}

export const STANDING_COLOR: Record<Standing, string> = {
  active: 'green',
  warned: 'yellow',
  restricted: 'orange',
  suspended: 'red',
  blocked: 'dark',
};

/** Services that are off in this standing (ACC-04): all of them from suspended on. */
export function servicesOff(standing: Standing, restricted: readonly string[]): string[] {
  if (standing === 'suspended' || standing === 'blocked') return ['import', 'email', 'sms', 'api'];
  if (standing === 'restricted') return [...restricted];
  return [];
}
