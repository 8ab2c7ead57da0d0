import { ConversationKitError } from '../core/errors';
import { en, type Locale, type Messages } from './messages';

const loaders: Record<Locale, () => Promise<Messages>> = {
  en: async () => en,
  ja: () => import('./locales/ja').then((module) => module.ja),
  'zh-CN': () => import('./locales/zhCN').then((module) => module.zhCN),
};

/** Catalogues loaded so far: static data shared by every provider, English from the start. */
const loaded = new Map<Locale, Messages>([['en', en]]);

/** The locales the kit speaks. */
export const locales = Object.keys(loaders) as Locale[];

/** The catalogue of `locale` if it has been loaded, else `undefined`. */
export function loadedCatalog(locale: Locale): Messages | undefined {
  return loaded.get(locale);
}

/**
 * Loads the messages of a locale. Only English is in the main bundle; `ConversationKitProvider`
 * loads the others itself, and a host may call this before its first render to skip that wait.
 * Rejects with `INVALID_ARGUMENT` for a locale the kit does not speak.
 */
export async function loadLocale(locale: Locale): Promise<Messages> {
  const loader = Object.hasOwn(loaders, locale) ? loaders[locale] : undefined;
  if (!loader) {
    throw new ConversationKitError(
      'INVALID_ARGUMENT',
      `Unknown locale ${JSON.stringify(locale)}; the kit speaks ${locales.join(', ')}`,
    );
  }
  const catalog = loaded.get(locale) ?? (await loader());
  loaded.set(locale, catalog);
  return catalog;
}
