// Why an import is held, in the reader's language: the API answers each hold reason as data
// (holdCauses, src/core/imports/hold.ts) beside the stored English sentence; a sentence that is not
// one of ours (null cause) is shown as it was stored.
import type { TFunction } from 'i18next';
import type { ImportView } from '../../../../src/server/routes/imports/shapes.ts';

export function holdCauseTexts(r: Pick<ImportView, 'holdReasons' | 'holdCauses'>, t: TFunction, language: string): string[] {
  const number = (n: number) => new Intl.NumberFormat(language === 'ro' ? 'ro-RO' : 'en-GB').format(n);
  return (r.holdReasons ?? []).map((text, i) => {
    const cause = r.holdCauses?.[i];
    if (!cause) return text;
    const params = Object.fromEntries(Object.entries(cause.params).map(([k, v]) => [k, number(v)]));
    return t(`imports.holdCause.${cause.code}`, params);
  });
}
