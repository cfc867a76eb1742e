// Declared industries by name (policy/industries.json labels, in the user's language), never by id.
// The catalogue comes from the server (GET /auth/industries), which may be configured differently
// from the file shipped with the app.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Industry } from '../../../../src/core/accounts/industries.ts';
import { useApi } from '../../session.tsx';

export function useIndustryName(): (id: string | null | undefined) => string | null {
  const api = useApi();
  const { i18n } = useTranslation();
  const industries = useQuery({ queryKey: ['industries'], queryFn: () => api.get<Industry[]>('/auth/industries') });
  const lang = i18n.language.startsWith('ro') ? 'ro' : 'en';
  return (id) => {
    if (!id) return null;
    const found = industries.data?.find((i) => i.id === id);
    return found ? found.label[lang] : id;
  };
}
