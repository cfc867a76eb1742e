// ACC-01 / ACC-02: signup. The Terms and the Anti-Spam Policy are two separate boxes, both
// unchecked; the customer declares an industry (its policy shown before submitting) and what
// it will send. Server refusals are shown with their own message. An accepted signup signs
// nobody in: the answer is the same whether the address is new or taken (no account
// enumeration), so the page says "check your mailbox" and the person logs in after.
import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Checkbox, PasswordInput, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PublicPage } from '../components/PublicPage.tsx';
import { pickLanguage } from '../i18n/index.ts';
import { PolicyClause } from '../components/PolicyClause.tsx';
import { errorMessage } from '../notify.ts';
import { useApi } from '../session.tsx';
import type { Industry } from '../../../src/core/accounts/industries.ts';
import type { SignupAnswer } from '../../../src/server/routes/auth/schemas.ts';

export function Signup() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const lang = pickLanguage([i18n.language]);
  const [f, setF] = useState({
    email: '',
    password: '',
    name: '',
    companyName: '',
    postalAddress: '',
    industry: '',
    declaredSending: '',
  });
  const [acceptTerms, setAcceptTerms] = useState(false);
  const [acceptAntiSpam, setAcceptAntiSpam] = useState(false);
  const [touched, setTouched] = useState(false);
  const set = (key: keyof typeof f) => (value: string) => setF((prev) => ({ ...prev, [key]: value }));

  const industries = useQuery({ queryKey: ['industries'], queryFn: () => api.get<Industry[]>('/auth/industries') });
  const chosen = industries.data?.find((i) => i.id === f.industry);

  const signup = useMutation({
    meta: { inlineError: true },
    mutationFn: () =>
      api.post<SignupAnswer>('/auth/signup', { ...f, name: f.name || undefined, acceptTerms, acceptAntiSpam, language: lang }),
  });

  const missing = (v: string) => (touched && !v.trim() ? t('auth.required') : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    // Both policies must be accepted by the person, one box each (ACC-01); nothing is sent otherwise.
    if (!acceptTerms || !acceptAntiSpam) return;
    if (Object.entries(f).some(([k, v]) => k !== 'name' && !v.trim())) return;
    signup.mutate();
  };

  if (signup.isSuccess) {
    return (
      <PublicPage title={t('auth.signupTitle')} width={620}>
        <Stack>
          <Alert color="green" title={t('auth.signupCheckMailTitle')} data-testid="signup-check-mail">
            <Text size="sm">{t('auth.signupCheckMail', { email: f.email.trim() })}</Text>
            {chosen?.policy === 'review' && (
              <Text size="sm" mt={4}>
                {t('auth.signupCheckMailReview')}
              </Text>
            )}
          </Alert>
          <Button component={Link} to="/login">
            {t('auth.loginLink')}
          </Button>
        </Stack>
      </PublicPage>
    );
  }

  return (
    <PublicPage title={t('auth.signupTitle')} width={620}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="email"
            required
            value={f.email}
            onChange={(e) => set('email')(e.currentTarget.value)}
            error={missing(f.email)}
          />
          <PasswordInput
            label={t('auth.password')}
            description={t('auth.passwordHint')}
            autoComplete="new-password"
            required
            value={f.password}
            onChange={(e) => set('password')(e.currentTarget.value)}
            error={missing(f.password)}
          />
          <TextInput
            label={t('auth.name')}
            autoComplete="name"
            value={f.name}
            onChange={(e) => set('name')(e.currentTarget.value)}
          />
          <TextInput
            label={t('auth.company')}
            autoComplete="organization"
            required
            value={f.companyName}
            onChange={(e) => set('companyName')(e.currentTarget.value)}
            error={missing(f.companyName)}
          />
          <Textarea
            label={t('auth.postalAddress')}
            description={t('auth.postalAddressHint')}
            required
            autosize
            minRows={2}
            value={f.postalAddress}
            onChange={(e) => set('postalAddress')(e.currentTarget.value)}
            error={missing(f.postalAddress)}
          />
          <Select
            label={t('auth.industry')}
            placeholder={t('auth.industryPlaceholder')}
            required
            searchable
            data={(industries.data ?? []).map((i) => ({
              value: i.id,
              label: i.policy === 'accepted' ? i.label[lang] : `${i.label[lang]} — ${t(`auth.policy.${i.policy}`)}`,
            }))}
            value={f.industry || null}
            onChange={(v) => set('industry')(v ?? '')}
            error={missing(f.industry)}
          />
          {chosen && chosen.policy !== 'accepted' && (
            <Alert
              color={chosen.policy === 'refused' ? 'red' : 'yellow'}
              title={t(`auth.policy.${chosen.policy}`)}
              data-testid="industry-policy"
            >
              <Text size="sm">{t(chosen.policy === 'refused' ? 'auth.industryRefused' : 'auth.industryReview')}</Text>
              {chosen.clause && (
                <Text size="sm" mt={4} fs="italic">
                  <PolicyClause clause={chosen.clause} />
                </Text>
              )}
            </Alert>
          )}
          <Textarea
            label={t('auth.declaredSending')}
            description={t('auth.declaredSendingHint')}
            required
            autosize
            minRows={3}
            value={f.declaredSending}
            onChange={(e) => set('declaredSending')(e.currentTarget.value)}
            error={missing(f.declaredSending)}
          />
          <Checkbox
            name="acceptTerms"
            checked={acceptTerms}
            onChange={(e) => setAcceptTerms(e.currentTarget.checked)}
            label={
              <Trans i18nKey="auth.acceptTerms" components={{ 1: <Anchor inherit href="/legal/terms" target="_blank" /> }} />
            }
            error={touched && !acceptTerms ? t('auth.mustAcceptTerms') : undefined}
          />
          <Checkbox
            name="acceptAntiSpam"
            checked={acceptAntiSpam}
            onChange={(e) => setAcceptAntiSpam(e.currentTarget.checked)}
            label={
              <Trans
                i18nKey="auth.acceptAntiSpam"
                components={{ 1: <Anchor inherit href="/legal/anti-spam" target="_blank" /> }}
              />
            }
            error={touched && !acceptAntiSpam ? t('auth.mustAcceptAntiSpam') : undefined}
          />
          {signup.error && (
            <Alert color="red" title={t('app.error')} role="alert">
              {errorMessage(signup.error, t)}
            </Alert>
          )}
          <Button type="submit" loading={signup.isPending}>
            {t('auth.signup')}
          </Button>
          <Text size="sm">
            {t('auth.haveAccount')}{' '}
            <Anchor component={Link} to="/login">
              {t('auth.loginLink')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </PublicPage>
  );
}
