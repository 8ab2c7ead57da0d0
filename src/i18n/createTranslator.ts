import { loadedCatalog } from './catalogs';
import { en, type Locale, type Messages, type PluralMessage } from './messages';

export type MessageParams = Record<string, string | number>;

/**
 * A piece of a message: its own text, or a filled placeholder. Numbers are already formatted for
 * the locale; `isolate` marks inserted text (a name, a reason) whose direction is its own, which a
 * view wraps in `<bdi>` so that an Arabic name cannot reorder an English sentence around it.
 */
export type MessagePart = { text: string; isolate: boolean };

export interface Translator {
  readonly locale: Locale;
  /**
   * The message `key` with its placeholders filled, as plain text (for attributes such as
   * `aria-label`); plural messages pick their form by `count`, numbers are formatted for the locale.
   */
  t(key: keyof Messages, params?: MessageParams): string;
  /** The same message in parts, for views that isolate inserted text (see `MessagePart`). */
  parts(key: keyof Messages, params?: MessageParams): MessagePart[];
  /** A chat-list time: "now", "5 min ago", "14:05" today, "yesterday", a weekday, or a date. */
  formatTime(timestamp: number, now?: number): string;
}

const placeholder = /\{(\w+)\}/g;

/** The template split at its placeholders, each filled by `format` (or left as written). */
function split(
  template: string,
  params: MessageParams,
  format: (value: string | number) => string,
): MessagePart[] {
  const parts: MessagePart[] = [];
  let last = 0;
  for (const match of template.matchAll(placeholder)) {
    const [whole, name] = match as unknown as [string, string];
    if (!Object.hasOwn(params, name)) continue;
    if (match.index > last) parts.push({ text: template.slice(last, match.index), isolate: false });
    const value = params[name] as string | number;
    // Numbers come out in the locale's digits and grouping; their direction is the sentence's.
    parts.push({ text: format(value), isolate: typeof value === 'string' });
    last = match.index + whole.length;
  }
  if (last < template.length) parts.push({ text: template.slice(last), isolate: false });
  return parts;
}

const DAY = 86_400_000;

const dateStyles = {
  clock: { hour: 'numeric', minute: '2-digit' },
  weekday: { weekday: 'short' },
  shortDate: { month: 'short', day: 'numeric' },
  fullDate: { year: 'numeric', month: 'short', day: 'numeric' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
type DateStyle = keyof typeof dateStyles;

function startOfDay(timestamp: number): number {
  const date = new Date(timestamp);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/**
 * Builds the kit's translator for a locale, with the host's overrides on top. A key missing from
 * both falls back to English, never to the key's name. Catalogues other than English are loaded
 * on demand (`loadLocale`); until then the translator speaks English.
 */
export function createTranslator(
  locale: Locale = 'en',
  overrides: Partial<Messages> = {},
): Translator {
  const catalog: Messages = { ...en, ...loadedCatalog(locale), ...overrides };
  const pluralRules = new Intl.PluralRules(locale);
  // Minutes ago and yesterday come from the catalogue, not Intl.RelativeTimeFormat, whose first
  // use in a page loads its locale data for 50-90 ms. Date formats are made when first needed:
  // the first one costs 10-20 ms, and most lists need only one or two of them.
  const dateFormats: Partial<Record<DateStyle, Intl.DateTimeFormat>> = {};
  function formatDate(timestamp: number, style: DateStyle): string {
    dateFormats[style] ??= new Intl.DateTimeFormat(locale, dateStyles[style]);
    return dateFormats[style].format(timestamp);
  }

  /** The message for `key`; plural forms are picked by `count` (0 when it is no number). */
  function resolve(key: keyof Messages, count?: unknown): string {
    // Overrides may come from untyped code: anything but a message (a string, or plural forms
    // with `other`) falls back to English.
    let message: string | PluralMessage | undefined = catalog[key];
    if (typeof message !== 'string' && typeof message?.other !== 'string') message = en[key];
    return typeof message === 'string'
      ? message
      : (message[pluralRules.select(typeof count === 'number' ? count : 0)] ?? message.other);
  }

  let numberFormat: Intl.NumberFormat | undefined;
  function formatValue(value: string | number): string {
    if (typeof value === 'string') return value;
    numberFormat ??= new Intl.NumberFormat(locale);
    return numberFormat.format(value);
  }
  function parts(key: keyof Messages, params: MessageParams = {}): MessagePart[] {
    return split(resolve(key, params.count), params, formatValue);
  }
  function t(key: keyof Messages, params?: MessageParams): string {
    return parts(key, params)
      .map((part) => part.text)
      .join('');
  }

  return {
    locale,
    t,
    parts,
    formatTime(timestamp, now = Date.now()) {
      const elapsed = now - timestamp;
      if (elapsed < 60_000) return resolve('justNow');
      if (elapsed < 3_600_000) {
        const count = Math.floor(elapsed / 60_000);
        return t('minutesAgo', { count });
      }
      const today = startOfDay(now);
      if (timestamp >= today) return formatDate(timestamp, 'clock');
      if (timestamp >= today - DAY) return resolve('yesterday');
      if (timestamp >= today - 6 * DAY) return formatDate(timestamp, 'weekday');
      if (new Date(timestamp).getFullYear() === new Date(now).getFullYear()) {
        return formatDate(timestamp, 'shortDate');
      }
      return formatDate(timestamp, 'fullDate');
    },
  };
}
