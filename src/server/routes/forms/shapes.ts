// Response shapes of the form builder API.
import { z } from 'zod';
import { FORM_RULE_CODES } from '../../../core/forms/rules.ts';
import type { FormView } from '../../../core/forms/builder.ts';
import type { FormDefinition } from '../../../core/forms/definition.ts';
import type { FormRecord } from '../../../core/forms/types.ts';

export const FormIdParams = z.object({ id: z.string().min(1).max(100) });

export const FormSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  latestVersion: z.number().int(),
  publishedVersion: z.number().int().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const RenderedSchema = z.object({
  boxes: z.array(
    z.object({ key: z.string(), listId: z.string(), channel: z.enum(['email', 'sms']), text: z.string(), textHash: z.string() }),
  ),
  partners: z.array(z.object({ key: z.string(), name: z.string(), text: z.string(), textHash: z.string() })),
  terms: z.object({ key: z.literal('terms'), text: z.string(), url: z.string().nullable() }).nullable(),
});

const VersionSchema = z.object({
  version: z.number().int(),
  definition: z.record(z.string(), z.unknown()),
  rendered: RenderedSchema,
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});

export const FormViewSchema = z.object({
  form: FormSummarySchema,
  latest: VersionSchema,
  published: VersionSchema.nullable(),
  problems: z.array(z.object({ code: z.enum(FORM_RULE_CODES), message: z.string(), path: z.string() })),
  publicUrl: z.string(),
});

export type FormSummary = z.infer<typeof FormSummarySchema>;
export type FormProblem = z.infer<typeof FormViewSchema>['problems'][number];
/** A version as answered: the schema types the definition loosely; the value is the core's definition. */
export type FormVersionAnswer = Omit<z.infer<typeof VersionSchema>, 'definition'> & { definition: FormDefinition };
/** GET/PUT/POST form answers (the web app reads this type). */
export type FormViewAnswer = Omit<z.infer<typeof FormViewSchema>, 'latest' | 'published'> & {
  latest: FormVersionAnswer;
  published: FormVersionAnswer | null;
};

export function summary(f: FormRecord) {
  const { accountId: _a, ...rest } = f;
  return rest;
}

export function viewBody(v: FormView, publicUrl: string) {
  const version = (x: NonNullable<FormView['published']>) => ({
    version: x.version,
    definition: x.definition as unknown as Record<string, unknown>,
    rendered: x.rendered,
    createdAt: x.createdAt,
    createdBy: x.createdBy,
  });
  return {
    form: summary(v.form),
    latest: version(v.latest),
    published: v.published ? version(v.published) : null,
    problems: v.problems,
    publicUrl: `${publicUrl}/f/${v.form.id}`,
  };
}

export const SECURITY: Array<Record<string, string[]>> = [{ session: [] }, { apiKey: [] }];
