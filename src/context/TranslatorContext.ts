import { createContext, useContext } from 'react';
import { createTranslator, type Translator } from '../i18n/createTranslator';

const englishTranslator = createTranslator('en');

export const TranslatorContext = createContext<Translator>(englishTranslator);

/** The kit's messages and time formatting for the provider's locale. */
export function useTranslator(): Translator {
  return useContext(TranslatorContext);
}
