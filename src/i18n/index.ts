export { loadLocale, locales } from './catalogs';
export type { MessageParams, MessagePart, Translator } from './createTranslator';
export { createTranslator } from './createTranslator';
export type { Locale, Messages, PluralMessage } from './messages';
export { en as englishMessages } from './messages';
