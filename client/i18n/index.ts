import { createContext, useContext } from 'react';
import { coreMessages } from './core-messages.js';
import { exerciseMessages } from '../exercise/messages.js';
import { alertChainMessages } from '../alert-chain/messages.js';
import { careMapMessages } from '../care-map/messages.js';
import { retexMessages } from '../retex/messages.js';
import { mainCouranteMessages } from '../main-courante/messages.js';
import { commsMessages } from '../comms/messages.js';
import { collabMessages } from '../collab/messages.js';

export type Lang = 'fr' | 'en';
type Dictionary = Record<string, string>;

/**
 * Every message bundle of the app. A domain adds `{ fr, en }` from its own `client/<domain>/messages.ts`.
 * French is the reference language; a key missing in English falls back to French, then to the key itself.
 */
const bundles: Array<{ fr: Dictionary; en: Dictionary }> = [coreMessages, exerciseMessages, careMapMessages, alertChainMessages, retexMessages, mainCouranteMessages, commsMessages, collabMessages];

const dictionaries: Record<Lang, Dictionary> = {
  fr: Object.assign({}, ...bundles.map((b) => b.fr)),
  en: Object.assign({}, ...bundles.map((b) => b.en)),
};

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  return (key, params) => {
    const template = dictionaries[lang][key] ?? dictionaries.fr[key] ?? key;
    return params ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : template;
  };
}

export const LangContext = createContext<{ lang: Lang; t: Translate; setLang(lang: Lang): void }>({
  lang: 'fr',
  t: translator('fr'),
  setLang: () => undefined,
});

/** `const { t } = useT(); t('banner.exercise')`. */
export const useT = () => useContext(LangContext);
