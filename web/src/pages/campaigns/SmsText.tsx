// The text of an SMS campaign (issue 11 §5): the text box with, as you type, its encoding (GSM-7 or
// UCS-2), its parts, the characters left in the last part and the cost per recipient; when the
// text's diacritics force UCS-2 and replacing them brings it to GSM-7, a button offers it and says
// how many parts that saves. The counting is src/core/sms/segments.ts itself, bundled (it is pure).
import { Badge, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MAX_SMS_SEGMENTS } from '../../../../src/core/sms/segments.ts';
import { MAX_ALPHANUMERIC_SENDER_ID } from '../../../../src/core/campaigns/sender-id.ts';
import { smsTextCost } from '../../../../src/core/campaigns/sms-cost.ts';

export function SmsText(props: {
  text: string;
  senderId: string;
  onText: (text: string) => void;
  onSenderId: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const m = smsTextCost(props.text);
  const money = new Intl.NumberFormat(i18n.language, {
    style: 'currency',
    currency: m.currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
  });
  const tooLong = m.segments > MAX_SMS_SEGMENTS;
  return (
    <Stack>
      <TextInput
        label={t('campaigns.sms.senderId')}
        description={t('campaigns.sms.senderIdHint', { max: MAX_ALPHANUMERIC_SENDER_ID })}
        required
        value={props.senderId}
        onChange={(e) => props.onSenderId(e.currentTarget.value)}
        data-testid="sms-sender-id"
      />
      <Textarea
        label={t('campaigns.sms.text')}
        aria-label={t('campaigns.sms.text')}
        required
        value={props.text}
        onChange={(e) => props.onText(e.currentTarget.value)}
        autosize
        minRows={5}
        maxRows={16}
        data-testid="sms-text"
      />
      <Group gap="xs" data-testid="sms-meter">
        <Badge color={m.encoding === 'GSM-7' ? 'green' : 'yellow'} data-testid="sms-encoding" data-encoding={m.encoding}>
          {m.encoding}
        </Badge>
        <Text size="sm" data-testid="sms-parts" data-parts={m.segments} c={tooLong ? 'red' : undefined}>
          {t('campaigns.sms.parts', { count: m.segments, max: MAX_SMS_SEGMENTS })}
        </Text>
        <Text size="sm" data-testid="sms-left">
          {t('campaigns.sms.left', { left: m.charactersLeft, per: m.charactersPerSegment })}
        </Text>
        <Text size="sm" data-testid="sms-cost">
          {t('campaigns.sms.cost', { cost: money.format(m.costPerRecipient) })}
        </Text>
      </Group>
      {m.encoding === 'UCS-2' && (
        <Text size="xs" c="dimmed" data-testid="sms-ucs2">
          {t('campaigns.sms.ucs2', { chars: m.nonGsmCharacters.join(' ') })}
        </Text>
      )}
      {m.transliteration && (
        <Group>
          <Button variant="light" onClick={() => props.onText(m.transliteration!.text)} data-testid="sms-transliterate">
            {t('campaigns.sms.transliterate', { saved: m.transliteration.saved, parts: m.transliteration.segments })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
