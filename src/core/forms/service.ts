// The forms service: the builder (account side) and sign-up + confirmation (public side).
import type { ConsentService } from '../consent/ledger.ts';
import type { ContactService } from '../contacts/service.ts';
import type { ListService } from '../lists/service.ts';
import type { Clock } from '../ports.ts';
import type { SystemMailSender } from '../system-mail/ports.ts';
import type { AccountWriteGate } from '../standing/ports.ts';
import { DEFAULT_BOT_DEFENCE, issueStartStamp, type BotDefenceSettings, type UsedStartStamps } from './bot-defence.ts';
import { newId as uuidV7 } from '../ids.ts';
import { createFormBuilder, type FormBuilder } from './builder.ts';
import { createSignup, type Signup } from './signup.ts';
import type { FormStore, SenderDirectory } from './types.ts';

export interface FormsDeps {
  store: FormStore;
  lists: Pick<ListService, 'get' | 'list'>;
  contacts: Pick<ContactService, 'upsert'>;
  consent: Pick<ConsentService, 'record' | 'stateFor'>;
  systemMail: SystemMailSender;
  /** ACC-09: a blocked or suspended account's forms collect nothing (signup.ts). */
  standing: AccountWriteGate;
  clock: Clock;
  secret: string;
  publicUrl: string;
  /** CON-11 settings; defaults are the policy. Benchmarks pass { minFillTimeMs: 0, submissionsPerIpPerMinute: null }. */
  botDefence?: Partial<BotDefenceSettings>;
  /** CON-11: start stamps spent on a stored sign-up. */
  usedStartStamps: UsedStartStamps;
  /** The account's name, privacy policy link and default phone country (issue 13 §7). */
  senders?: SenderDirectory;
  newId?: () => string;
}

export interface FormsService extends FormBuilder {
  readonly botDefence: BotDefenceSettings;
  /** The signed start stamp a rendered form carries (minimum fill time, CON-11). */
  startStamp(formId: string): string;
  published: Signup['published'];
  submit: Signup['submit'];
  inspectConfirmation: Signup['inspectConfirmation'];
  confirm: Signup['confirm'];
  requestConfirmation: Signup['requestConfirmation'];
}

export function createFormsService(deps: FormsDeps): FormsService {
  const botDefence: BotDefenceSettings = { ...DEFAULT_BOT_DEFENCE, ...deps.botDefence };
  const builder = createFormBuilder({ store: deps.store, lists: deps.lists, clock: deps.clock, newId: deps.newId });
  const signup = createSignup({ ...deps, botDefence });
  return {
    ...builder,
    botDefence,
    startStamp: (formId) => issueStartStamp(deps.secret, formId, deps.clock.now(), uuidV7(deps.clock)),
    published: signup.published,
    submit: signup.submit,
    inspectConfirmation: signup.inspectConfirmation,
    confirm: signup.confirm,
    requestConfirmation: signup.requestConfirmation,
  };
}
