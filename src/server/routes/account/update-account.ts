// PATCH /api/v1/account — owner only: name, postal address, language, feature news (ACC-07),
// the default phone country and the privacy policy link (the sender's public pages).
import { z } from 'zod';
import { NAME_MAX_LENGTH, POSTAL_ADDRESS_MAX_LENGTH, PRIVACY_POLICY_URL_MAX_LENGTH } from '../../../core/accounts/limits.ts';
import { ACCOUNT_LANGUAGES } from '../../../core/accounts/types.ts';
import { requireOwner } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { AccountSchema } from '../auth/schemas.ts';

const UpdateAccountBody = z
  .object({
    name: z.string().trim().min(1).max(NAME_MAX_LENGTH).optional(),
    postalAddress: z.string().trim().min(1).max(POSTAL_ADDRESS_MAX_LENGTH).optional(),
    language: z.enum(ACCOUNT_LANGUAGES).optional(),
    featureNews: z.boolean().optional(),
    /** Two letters (ISO 3166); null clears it. Checked in the core (ACCOUNT_COUNTRY_INVALID). */
    defaultCountry: z.string().trim().max(2).nullable().optional(),
    /** http(s) only; null clears it. Checked in the core (ACCOUNT_PRIVACY_URL_INVALID). */
    privacyPolicyUrl: z.string().trim().min(1).max(PRIVACY_POLICY_URL_MAX_LENGTH).nullable().optional(),
  })
  .strict();

export function registerUpdateAccount(app: ZodApp, deps: AppDeps): void {
  app.patch(
    '/account',
    {
      schema: {
        tags: ['account'],
        summary: 'Change the account settings (owner)',
        body: UpdateAccountBody,
        response: { 200: AccountSchema },
      },
    },
    async (request) => {
      const auth = requireOwner(request);
      return deps.services.accounts.updateAccount(auth.accountId, request.body);
    },
  );
}
