// The form builder's editable state and its conversion to and from a form definition
// (src/core/forms/definition.ts). There is deliberately no "checked by default" anywhere in
// this state: a consent box can never be pre-checked from the builder (CON-02), and a terms
// box never carries a list (CON-03).
import {
  FIELD_KEYS,
  PURPOSE_PARTS,
  type FieldKey,
  type FormDefinition,
  type FormDefinitionInput,
  type PurposePart,
} from '../../../../src/core/forms/definition.ts';
import type { List } from '../../../../src/core/lists/types.ts';

export interface BoxDraft {
  uid: string;
  key?: string;
  listId: string | null;
  label: string;
  purpose: Record<PurposePart, string>;
  sms: { programName: string; frequency: string };
}

export interface PartnerDraft {
  uid: string;
  name: string;
  purposeText: string;
}

export interface FormDraft {
  name: string;
  language: 'en' | 'ro';
  intro: string;
  defaultCountry: string;
  fields: Record<FieldKey, { on: boolean; required: boolean }>;
  boxes: BoxDraft[];
  terms: { on: boolean; label: string; url: string };
  partners: PartnerDraft[];
}

let uidCounter = 0;
export const uid = () => `d${++uidCounter}`;

export const emptyPurpose = (): Record<PurposePart, string> =>
  Object.fromEntries(PURPOSE_PARTS.map((p) => [p, ''])) as Record<PurposePart, string>;

export function emptyDraft(): FormDraft {
  return {
    name: '',
    language: 'en',
    intro: '',
    defaultCountry: '',
    fields: Object.fromEntries(FIELD_KEYS.map((k) => [k, { on: k === 'email', required: k === 'email' }])) as FormDraft['fields'],
    boxes: [],
    terms: { on: false, label: '', url: '' },
    partners: [],
  };
}

export function newBox(): BoxDraft {
  return { uid: uid(), listId: null, label: '', purpose: emptyPurpose(), sms: { programName: '', frequency: '' } };
}

/** Fills the empty purpose parts of a box from the list it is for (the customer can change them). */
export function prefillFromList(box: BoxDraft, list: List, withdrawHint: string): BoxDraft {
  const p = { ...box.purpose };
  if (!p.sender) p.sender = list.senderName;
  if (!p.purpose) p.purpose = list.purposeText;
  if (!p.channel) p.channel = list.channel === 'sms' ? 'SMS' : 'email';
  if (!p.frequency) p.frequency = list.frequency;
  if (!p.withdraw) p.withdraw = withdrawHint;
  const sms = { ...box.sms };
  if (list.channel === 'sms' && !sms.frequency) sms.frequency = list.frequency;
  return { ...box, listId: list.id, purpose: p, sms };
}

const opt = (s: string) => (s.trim() ? s.trim() : undefined);

export function toDefinition(d: FormDraft, lists: readonly List[]): FormDefinitionInput {
  const channelOf = (id: string | null) => lists.find((l) => l.id === id)?.channel;
  const purpose = (p: Record<PurposePart, string>) =>
    Object.fromEntries(PURPOSE_PARTS.flatMap((k) => (p[k].trim() ? [[k, p[k].trim()]] : [])));
  return {
    name: d.name.trim(),
    language: d.language,
    ...(opt(d.defaultCountry) ? { defaultCountry: d.defaultCountry.trim().toUpperCase() } : {}),
    ...(opt(d.intro) ? { intro: d.intro.trim() } : {}),
    fields: FIELD_KEYS.filter((k) => d.fields[k].on).map((k) => ({ key: k, required: d.fields[k].required })),
    consentBoxes: d.boxes
      .filter((b) => b.listId)
      .map((b) => ({
        // A stable key per list, so a box keeps its key across versions.
        key: b.key ?? `l-${b.listId!.toLowerCase().replace(/[^a-z0-9_-]/g, '')}`.slice(0, 40),
        listIds: [b.listId!],
        ...(opt(b.label) ? { label: b.label.trim() } : {}),
        purpose: purpose(b.purpose),
        ...(channelOf(b.listId) === 'sms'
          ? {
              sms: {
                ...(opt(b.sms.programName) ? { programName: b.sms.programName.trim() } : {}),
                ...(opt(b.sms.frequency) ? { frequency: b.sms.frequency.trim() } : {}),
              },
            }
          : {}),
      })),
    ...(d.terms.on
      ? { termsBox: { label: d.terms.label.trim(), ...(opt(d.terms.url) ? { url: d.terms.url.trim() } : {}) } }
      : {}),
    partners: d.partners.map((p) => ({
      ...(opt(p.name) ? { name: p.name.trim() } : {}),
      ...(opt(p.purposeText) ? { purposeText: p.purposeText.trim() } : {}),
    })),
  };
}

export function fromDefinition(def: FormDefinition): FormDraft {
  const base = emptyDraft();
  for (const k of FIELD_KEYS) base.fields[k] = { on: false, required: false };
  for (const f of def.fields) base.fields[f.key] = { on: true, required: f.required ?? false };
  return {
    ...base,
    name: def.name,
    language: def.language,
    intro: def.intro ?? '',
    defaultCountry: def.defaultCountry ?? '',
    boxes: def.consentBoxes.map((b) => ({
      uid: uid(),
      key: b.key,
      listId: b.listIds[0] ?? null,
      label: b.label ?? '',
      purpose: {
        ...emptyPurpose(),
        ...Object.fromEntries(Object.entries(b.purpose ?? {}).filter(([, v]) => typeof v === 'string')),
      },
      sms: { programName: b.sms?.programName ?? '', frequency: b.sms?.frequency ?? '' },
    })),
    terms: def.termsBox ? { on: true, label: def.termsBox.label, url: def.termsBox.url ?? '' } : base.terms,
    partners: def.partners.map((p) => ({ uid: uid(), name: p.name ?? '', purposeText: p.purposeText ?? '' })),
  };
}
