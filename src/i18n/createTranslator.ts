import { loadedCatalog } from './catalogs';
import { en, type Locale, type Messages, type PluralMessage } from './messages';

export type MessageParams = Record<string, string | number>;

export interface Translator {
  readonly locale: Locale;
  /** The message `key` with its placeholders filled; plural messages pick their form by `count`. */
  t(key: keyof Messages, params?: MessageParams): string;
  /** A chat-list time: "now", "5 min ago", "14:05" today, "yesterday", a weekday, or a date. */
  formatTime(timestamp: number, now?: number): string;
}

const placeholder = /\{(\w+)\}/g;

function fill(template: string, params: MessageParams): string {
  return template.replace(placeholder, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
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

  return {
    locale,
    t(key, params = {}) {
      return fill(resolve(key, params.count), params);
    },
    formatTime(timestamp, now = Date.now()) {
      const elapsed = now - timestamp;
      if (elapsed < 60_000) return resolve('justNow');
      if (elapsed < 3_600_000) {
        const count = Math.floor(elapsed / 60_000);
        return fill(resolve('minutesAgo', count), { count });
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
