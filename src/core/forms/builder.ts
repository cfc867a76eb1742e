// The form builder: create, edit (each edit a new immutable version), read, publish. Publishing
// runs the rules (rules.ts) against the account's lists and refuses with the first rule named.
import { randomUUID } from 'node:crypto';
import { AppError, conflict, invalid, notFound, unprocessable } from '../errors.ts';
import type { ListService } from '../lists/service.ts';
import type { Clock } from '../ports.ts';
import { FormDefinitionSchema, assertSafeLinks, type FormDefinition } from './definition.ts';
import { renderForm, type RenderedForm } from './render-text.ts';
import { checkFormRules, type FormViolation, type ListFacts } from './rules.ts';
import type { FormRecord, FormStore, FormVersion } from './types.ts';

export interface FormView {
  form: FormRecord;
  latest: FormVersion;
  published: FormVersion | null;
  /** Rule violations of the latest version: empty when it can be published. */
  problems: FormViolation[];
}

/** A dry run of a definition (the builder asks on every change): what publishing would say. */
export interface FormValidation {
  /** Shape errors (a missing name …): the definition cannot even be saved. */
  issues: Array<{ path: string; message: string }>;
  /** The publish rules' violations (the same check publish runs); empty when it could be published. */
  problems: FormViolation[];
  /** The texts a version saved from this definition would show; null while it has issues. */
  rendered: RenderedForm | null;
}

export interface FormBuilder {
  create(accountId: string, input: unknown, actorId: string | null): Promise<FormView>;
  /** Saves a new version (PUT): the previous versions stay as they were. */
  update(accountId: string, formId: string, input: unknown, actorId: string | null): Promise<FormView>;
  get(accountId: string, formId: string): Promise<FormView>;
  list(accountId: string): Promise<FormRecord[]>;
  /** Publishes the latest version (or the one named); FORM_* rule codes when it breaks a rule. */
  publish(accountId: string, formId: string, version?: number): Promise<FormView>;
  check(accountId: string, def: FormDefinition): Promise<FormViolation[]>;
  /** Dry run: the shape issues, rule problems and texts of an unsaved definition. Stores nothing. */
  validate(accountId: string, input: unknown): Promise<FormValidation>;
}

export interface BuilderDeps {
  store: FormStore;
  lists: Pick<ListService, 'list'>;
  clock: Clock;
  newId?: () => string;
}

function parseDefinition(input: unknown): FormDefinition {
  const parsed = FormDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw invalid('VALIDATION_FAILED', 'The form definition is not valid.', { issues });
  }
  assertSafeLinks(parsed.data);
  return parsed.data;
}

export function createFormBuilder(deps: BuilderDeps): FormBuilder {
  const newId = deps.newId ?? randomUUID;

  async function check(accountId: string, def: FormDefinition): Promise<FormViolation[]> {
    const lists = await deps.lists.list(accountId);
    const facts = new Map<string, ListFacts>(lists.filter((l) => !l.archivedAt).map((l) => [l.id, { channel: l.channel }]));
    return checkFormRules(def, facts);
  }

  async function view(form: FormRecord): Promise<FormView> {
    const latest = await deps.store.getVersion(form.id, form.latestVersion);
    if (!latest) throw new Error(`form ${form.id} lost its version ${form.latestVersion}`);
    const published =
      form.publishedVersion === null
        ? null
        : form.publishedVersion === form.latestVersion
          ? latest
          : await deps.store.getVersion(form.id, form.publishedVersion);
    return { form, latest, published, problems: await check(form.accountId, latest.definition) };
  }

  async function getForm(accountId: string, formId: string): Promise<FormRecord> {
    const form = await deps.store.getForm(accountId, formId);
    if (!form) throw notFound('FORM_NOT_FOUND', `No form ${formId} in this account.`);
    return form;
  }

  return {
    check,
    async validate(accountId, input) {
      let def: FormDefinition;
      try {
        def = parseDefinition(input);
      } catch (err) {
        if (err instanceof AppError && err.kind === 'invalid') {
          const issues = (err.details?.issues as FormValidation['issues'] | undefined) ?? [
            { path: String(err.details?.path ?? ''), message: err.message },
          ];
          return { issues, problems: [], rendered: null };
        }
        throw err;
      }
      return { issues: [], problems: await check(accountId, def), rendered: renderForm(def) };
    },
    async create(accountId, input, actorId) {
      const def = parseDefinition(input);
      const now = deps.clock.now().toISOString();
      const id = newId();
      const form: FormRecord = {
        id,
        accountId,
        name: def.name,
        latestVersion: 1,
        publishedVersion: null,
        publishedAt: null,
        createdAt: now,
        updatedAt: now,
      };
      const version: FormVersion = {
        formId: id,
        version: 1,
        accountId,
        definition: def,
        rendered: renderForm(def),
        createdAt: now,
        createdBy: actorId,
      };
      await deps.store.insertForm(form, version);
      return view(form);
    },
    async update(accountId, formId, input, actorId) {
      const def = parseDefinition(input);
      const form = await getForm(accountId, formId);
      const now = deps.clock.now().toISOString();
      const next: FormVersion = {
        formId,
        version: form.latestVersion + 1,
        accountId,
        definition: def,
        rendered: renderForm(def),
        createdAt: now,
        createdBy: actorId,
      };
      if (!(await deps.store.appendVersion(next, now)))
        throw conflict('FORM_EDIT_CONFLICT', 'The form was changed by someone else meanwhile; reload it and edit again.');
      return view({ ...form, name: def.name, latestVersion: next.version, updatedAt: now });
    },
    get: async (accountId, formId) => view(await getForm(accountId, formId)),
    list: (accountId) => deps.store.listForms(accountId),
    async publish(accountId, formId, version) {
      const form = await getForm(accountId, formId);
      const target = version ?? form.latestVersion;
      const v = await deps.store.getVersion(formId, target);
      if (!v || v.accountId !== accountId) throw notFound('FORM_VERSION_NOT_FOUND', `Form ${formId} has no version ${target}.`);
      const problems = await check(accountId, v.definition);
      const first = problems[0];
      if (first) throw unprocessable(first.code, first.message, { violations: problems });
      const now = deps.clock.now().toISOString();
      await deps.store.setPublished(accountId, formId, target, now);
      return view({ ...form, publishedVersion: target, publishedAt: now, updatedAt: now });
    },
  };
}
