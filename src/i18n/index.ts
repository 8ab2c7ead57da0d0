export type { MessageParams, Translator } from './createTranslator';
export { createTranslator } from './createTranslator';
export type { Locale, Messages, PluralMessage } from './messages';
export { catalogs, en as englishMessages } from './messages';
