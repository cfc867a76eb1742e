// Response shapes shared by the auth, account and team routes (the HTTP contract).
import { z } from 'zod';

export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  platformRole: z.enum(['admin', 'reviewer']).nullable(),
  emailVerified: z.boolean(),
  language: z.string(),
});

export const MeSchema = z.object({
  user: UserSchema,
  account: z
    .object({
      id: z.string(),
      name: z.string(),
      role: z.enum(['owner', 'member']),
      standing: z.string(),
      restrictedServices: z.array(z.string()),
      review: z.enum(['none', 'pending', 'refused']),
      refundEligible: z.boolean(),
      featureNews: z.boolean(),
    })
    .nullable(),
  accounts: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(['owner', 'member']) })),
});

export const AccountSchema = z.object({
  id: z.string(),
  name: z.string(),
  postalAddress: z.string(),
  industry: z.string(),
  declaredSending: z.string(),
  language: z.string(),
  featureNews: z.boolean(),
  defaultCountry: z.string().nullable(),
  privacyPolicyUrl: z.string().nullable(),
  standing: z.string(),
  restrictedServices: z.array(z.string()),
  review: z.enum(['none', 'pending', 'refused']),
  reviewReason: z.string().nullable(),
  refundEligible: z.boolean(),
  createdAt: z.string(),
});

export const OkSchema = z.object({ ok: z.literal(true) });

/** The one answer to an accepted signup, whether the address was new or taken (no enumeration). */
export const SignupAnswerSchema = z.object({ status: z.literal('verify-email') });
export type SignupAnswer = z.infer<typeof SignupAnswerSchema>;
