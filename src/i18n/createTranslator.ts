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

function isPlural(message: string | PluralMessage): message is PluralMessage {
  return typeof message === 'object' && message !== null && typeof message.other === 'string';
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

  function resolve(key: keyof Messages, count: number | undefined): string {
    const message = (catalog[key] ?? en[key]) as string | PluralMessage | undefined;
    const fallback = en[key] as string | PluralMessage;
    const chosen = message === undefined ? fallback : message;
    if (!isPlural(chosen)) return typeof chosen === 'string' ? chosen : String(fallback);
    const category = pluralRules.select(count ?? 0);
    return chosen[category] ?? chosen.other;
  }

  return {
    locale,
    t(key, params = {}) {
      const count = typeof params.count === 'number' ? params.count : undefined;
      return fill(resolve(key, count), params);
    },
    formatTime(timestamp, now = Date.now()) {
      const elapsed = now - timestamp;
      if (elapsed < 60_000) return resolve('justNow', undefined);
      if (elapsed < 3_600_000) {
        const count = Math.floor(elapsed / 60_000);
        return fill(resolve('minutesAgo', count), { count });
      }
      const today = startOfDay(now);
      if (timestamp >= today) return formatDate(timestamp, 'clock');
      if (timestamp >= today - DAY) return resolve('yesterday', undefined);
      if (timestamp >= today - 6 * DAY) return formatDate(timestamp, 'weekday');
      if (new Date(timestamp).getFullYear() === new Date(now).getFullYear()) {
        return formatDate(timestamp, 'shortDate');
      }
      return formatDate(timestamp, 'fullDate');
    },
  };
}
