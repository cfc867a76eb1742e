// I18N-01: switch the interface between English and Romanian. One choice everywhere (issue 13
// §8): the switch also sets the public site's `lang` cookie (the same explicit choice its own
// switch records) and, for a signed-in user, saves it to their profile (PATCH /me).
import { SegmentedControl } from '@mantine/core';
import type { i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Api } from '../api.ts';
import { LANGUAGES, pickLanguage } from '../i18n/index.ts';
import { useApi, useMe } from '../session.tsx';

/** The language the server found chosen on the public site (index.html `data-chosen`), if any. */
export function chosenLanguage(): string | undefined {
  return typeof document === 'undefined' ? undefined : document.documentElement.dataset.chosen;
}

/**
 * When a user signs in or is first known (issue 13 §8): a language picked on the public site
 * (index.html `data-chosen`, from its `lang` cookie) is the latest explicit choice and is saved to
 * the profile; without one, the interface shows the profile's language.
 */
export function applyProfileLanguage(user: { language: string }, i18n: I18n, api: Api): void {
  const chosen = chosenLanguage();
  if (chosen && chosen !== user.language) void api.patch('/me', { language: pickLanguage([chosen]) }).catch(() => undefined);
  else void i18n.changeLanguage(pickLanguage([chosen, user.language, i18n.language]));
}

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const me = useMe().data;
  const choose = (value: string) => {
    const lang = pickLanguage([value]);
    void i18n.changeLanguage(lang);
    document.documentElement.lang = lang;
    document.documentElement.dataset.chosen = lang;
    void fetch(`/lang/${lang}?next=/app`, { redirect: 'manual', credentials: 'same-origin' }).catch(() => undefined);
    if (me) void api.patch('/me', { language: lang }).catch(() => undefined);
  };
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={pickLanguage([i18n.language])}
      onChange={choose}
      data={LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
    />
  );
}
