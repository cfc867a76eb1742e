// Routes of the web app (served under /app). Public pages: signup, login, email verification,
// password reset, invitation. Everything else needs a session; the operator console needs a
// platform role (ACC-03).
import { useEffect, useRef } from 'react';
import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { applyProfileLanguage } from './components/LanguageSwitcher.tsx';
import { Layout } from './components/Layout.tsx';
import { useApi, useMe } from './session.tsx';
import { AcceptInvitation } from './pages/AcceptInvitation.tsx';
import { ApiKeys } from './pages/ApiKeys.tsx';
import { Dashboard } from './pages/Dashboard.tsx';
import { Login } from './pages/Login.tsx';
import { PasswordReset, ResetConfirm } from './pages/PasswordReset.tsx';
import { Settings } from './pages/Settings.tsx';
import { Signup } from './pages/Signup.tsx';
import { Team } from './pages/Team.tsx';
import { VerifyEmail } from './pages/VerifyEmail.tsx';
import { OperatorAccounts } from './pages/operator/Accounts.tsx';
import { OperatorAccountDetail } from './pages/operator/AccountDetail.tsx';
import { OperatorAudit } from './pages/operator/Audit.tsx';
import { OperatorCookieConsents } from './pages/operator/CookieConsents.tsx';
import { OperatorOutbox } from './pages/operator/Outbox.tsx';
import { OperatorImportReview } from './pages/operator/ImportReview.tsx';
import { OperatorCampaignReviews } from './pages/operator/CampaignReviews.tsx';
import { OperatorContentPolicy } from './pages/operator/ContentPolicy.tsx';
import { OperatorComplaints } from './pages/operator/Complaints.tsx';
import { OperatorIncidents } from './pages/operator/Incidents.tsx';
import { OperatorBlocklists } from './pages/operator/Blocklists.tsx';
import { OperatorDashboard } from './pages/operator/Dashboard.tsx';
import { Reputation } from './pages/Reputation.tsx';
import { Lists } from './pages/Lists.tsx';
import { Contacts } from './pages/contacts/Contacts.tsx';
import { ContactDetail } from './pages/contacts/ContactDetail.tsx';
import { Forms } from './pages/forms/Forms.tsx';
import { FormBuilder } from './pages/forms/FormBuilder.tsx';
import { Imports } from './pages/imports/Imports.tsx';
import { NewImport } from './pages/imports/NewImport.tsx';
import { ImportStatus } from './pages/imports/ImportStatus.tsx';
import { SendingDomains } from './pages/sending/SendingDomains.tsx';
import { CampaignsList } from './pages/campaigns/CampaignsList.tsx';
import { CampaignEditor } from './pages/campaigns/CampaignEditor.tsx';
import { CampaignSend } from './pages/campaigns/CampaignSend.tsx';
import { CampaignReport } from './pages/campaigns/CampaignReport.tsx';

export function App() {
  useProfileLanguage();
  return (
    <Routes>
      <Route path="/signup" element={<Signup />} />
      <Route path="/login" element={<Login />} />
      <Route path="/verify-email" element={<VerifyEmail />} />
      <Route path="/reset-password" element={<PasswordReset />} />
      <Route path="/reset-password/confirm" element={<ResetConfirm />} />
      <Route path="/accept-invitation" element={<AcceptInvitation />} />
      <Route element={<RequireUser />}>
        <Route path="/" element={<Dashboard />} />
        <Route path="/settings" element={<Settings />} />
        <Route path="/team" element={<Team />} />
        <Route path="/api-keys" element={<ApiKeys />} />
        <Route path="/lists" element={<Lists />} />
        <Route path="/contacts" element={<Contacts />} />
        <Route path="/contacts/:id" element={<ContactDetail />} />
        <Route path="/forms" element={<Forms />} />
        <Route path="/forms/new" element={<FormBuilder />} />
        <Route path="/forms/:id" element={<FormBuilder />} />
        <Route path="/imports" element={<Imports />} />
        <Route path="/imports/new" element={<NewImport />} />
        <Route path="/imports/:id" element={<ImportStatus />} />
        <Route path="/sending-domains" element={<SendingDomains />} />
        <Route path="/reputation" element={<Reputation />} />
        <Route path="/campaigns" element={<CampaignsList />} />
        <Route path="/campaigns/new" element={<CampaignEditor />} />
        <Route path="/campaigns/:id" element={<CampaignEditor />} />
        <Route path="/campaigns/:id/send" element={<CampaignSend />} />
        <Route path="/campaigns/:id/report" element={<CampaignReport />} />
        <Route path="/operator" element={<OperatorDashboard />} />
        <Route path="/operator/accounts" element={<OperatorAccounts />} />
        <Route path="/operator/accounts/:id" element={<OperatorAccountDetail />} />
        <Route path="/operator/audit" element={<OperatorAudit />} />
        <Route path="/operator/outbox" element={<OperatorOutbox />} />
        <Route path="/operator/cookie-consents" element={<OperatorCookieConsents />} />
        <Route path="/operator/imports" element={<OperatorImportReview />} />
        <Route path="/operator/campaign-reviews" element={<OperatorCampaignReviews />} />
        <Route path="/operator/content-policy" element={<OperatorContentPolicy />} />
        <Route path="/operator/complaints" element={<OperatorComplaints />} />
        <Route path="/operator/incidents" element={<OperatorIncidents />} />
        <Route path="/operator/blocklists" element={<OperatorBlocklists />} />
      </Route>
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}

function RequireUser() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageLoader />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <Layout me={me.data} />;
}

export function FullPageLoader() {
  return (
    <Center h="100vh">
      <Loader />
    </Center>
  );
}

/** The first time a signed-in user is known, the interface language (profileLanguage). */
function useProfileLanguage() {
  const me = useMe();
  const api = useApi();
  const { i18n } = useTranslation();
  const appliedFor = useRef<string | null>(null);
  const user = me.data?.user;
  useEffect(() => {
    if (!user || appliedFor.current === user.id) return;
    appliedFor.current = user.id;
    applyProfileLanguage(user, i18n, api);
  }, [user, i18n, api]);
}
