// I18N-01: switch the interface between English and Romanian (kept in memory).
import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, pickLanguage } from '../i18n/index.ts';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={pickLanguage([i18n.language])}
      onChange={(value) => void i18n.changeLanguage(value)}
      data={LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
    />
  );
}
