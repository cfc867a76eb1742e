// A small cron matcher for the SQLite queue's schedules, in UTC. Five fields (minute hour
// day-of-month month day-of-week) as in crontab(5); an optional leading sixth field for seconds,
// as cron-parser (pg-boss) reads it. Lists, ranges, steps, `*`, and three-letter month and day
// names. When both day fields are restricted a day matches either one (crontab(5)).

export interface CronField {
  values: ReadonlySet<number>;
  /** True when the field starts with `*` (crontab(5)'s rule for the two day fields). */
  any: boolean;
}

export interface CronExpression {
  /** Undefined for a five-field expression: it fires at second 0 of each matching minute. */
  seconds: CronField | undefined;
  minutes: CronField;
  hours: CronField;
  daysOfMonth: CronField;
  months: CronField;
  daysOfWeek: CronField;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export class CronSyntaxError extends Error {
  readonly code = 'CRON_INVALID';
}

function parseValue(text: string, names: string[] | undefined, nameBase: number): number {
  const lower = text.toLowerCase();
  const named = names?.indexOf(lower) ?? -1;
  if (named >= 0) return named + nameBase;
  if (!/^\d+$/.test(text)) throw new CronSyntaxError(`invalid cron value "${text}"`);
  return Number.parseInt(text, 10);
}

function parseField(text: string, min: number, max: number, names?: string[], nameBase = 0): CronField {
  const values = new Set<number>();
  let any = false;
  for (const part of text.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : parseValue(stepText, undefined, 0);
    if (step < 1) throw new CronSyntaxError(`invalid cron step "${part}"`);
    let from: number;
    let to: number;
    if (range === '*') {
      any = true;
      from = min;
      to = max;
    } else if (range.includes('-')) {
      const [a = '', b = ''] = range.split('-');
      from = parseValue(a, names, nameBase);
      to = parseValue(b, names, nameBase);
    } else {
      from = parseValue(range, names, nameBase);
      to = stepText === undefined ? from : max;
    }
    if (from < min || to > max || from > to) throw new CronSyntaxError(`cron value out of range "${part}"`);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return { values, any };
}

export function parseCron(expression: string): CronExpression {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5 && fields.length !== 6) {
    throw new CronSyntaxError(`cron needs 5 fields (or 6 with seconds), got "${expression}"`);
  }
  const [sec, min, hour, dom, month, dow] = fields.length === 6 ? fields : [undefined, ...fields];
  const daysOfWeek = parseField(dow ?? '', 0, 7, DAYS);
  // 7 is Sunday too (crontab(5)).
  if (daysOfWeek.values.has(7)) (daysOfWeek.values as Set<number>).add(0);
  return {
    seconds: sec === undefined ? undefined : parseField(sec, 0, 59),
    minutes: parseField(min ?? '', 0, 59),
    hours: parseField(hour ?? '', 0, 23),
    daysOfMonth: parseField(dom ?? '', 1, 31),
    months: parseField(month ?? '', 1, 12, MONTHS, 1),
    daysOfWeek,
  };
}

/** The granularity of an expression's ticks: a second with a seconds field, else a minute. */
export function tickMs(cron: CronExpression): number {
  return cron.seconds ? 1_000 : 60_000;
}

/** The start of the tick containing `at`. */
export function tickOf(cron: CronExpression, at: Date): Date {
  const width = tickMs(cron);
  return new Date(Math.floor(at.getTime() / width) * width);
}

/** True when the expression fires at `tick` (UTC), which must be a tick start (see tickOf). */
export function cronMatches(cron: CronExpression, tick: Date): boolean {
  if (cron.seconds ? !cron.seconds.values.has(tick.getUTCSeconds()) : tick.getUTCSeconds() !== 0) return false;
  if (!cron.minutes.values.has(tick.getUTCMinutes())) return false;
  if (!cron.hours.values.has(tick.getUTCHours())) return false;
  if (!cron.months.values.has(tick.getUTCMonth() + 1)) return false;
  const dom = cron.daysOfMonth.values.has(tick.getUTCDate());
  const dow = cron.daysOfWeek.values.has(tick.getUTCDay());
  if (cron.daysOfMonth.any || cron.daysOfWeek.any) return dom && dow;
  return dom || dow;
}
