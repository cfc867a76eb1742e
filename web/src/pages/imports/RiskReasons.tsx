// The risk score's reasons in plain words (IMP-04): how many addresses show each one, their
// share, and the points it adds to the score out of its weight — the numbers the reviewer sees.
import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OLD_CONSENT_MONTHS } from '../../../../policy/imports.ts';
import type { ImportView } from '../../../../src/server/routes/imports/shapes.ts';

type Risk = NonNullable<ImportView['risk']>;

export function RiskReasons(props: { risk: Risk }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'ro' ? 'ro-RO' : 'en-GB';
  const num = (n: number, digits = 0) => n.toLocaleString(locale, { maximumFractionDigits: digits });
  const percent = (share: number) =>
    share.toLocaleString(locale, { style: 'percent', maximumFractionDigits: share < 0.1 ? 1 : 0 });
  return (
    <>
      <Text size="sm" mt="xs">
        {t('imports.risk.intro', { score: props.risk.score })}
      </Text>
      <List size="sm" mt={4} data-testid="risk-reasons">
        {props.risk.reasons.map((r) => (
          <List.Item key={r.reason} data-testid="risk-reason" data-reason={r.reason}>
            {t(`imports.risk.reason.${r.reason}`, {
              n: num(r.count),
              share: percent(r.share),
              domains: num(r.domains ?? 0),
              months: OLD_CONSENT_MONTHS,
            })}{' '}
            {t('imports.risk.points', { points: num(r.points, 1), score: props.risk.score, weight: r.weight })}
          </List.Item>
        ))}
      </List>
    </>
  );
}
