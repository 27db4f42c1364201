import { createContext, useContext } from 'react';
import { clientFeatures } from '../features.js';
import { collabMessages } from '../collab/messages.js';
import { identityMessages } from '../identity/messages.js';
import { operatorMessages } from '../operator/messages.js';
import { pluralize } from '../../shared/core/plural.js';

export type Lang = 'fr' | 'en';
type Dictionary = Record<string, string>;

/**
 * Every message bundle of the app: each feature's `{ fr, en }` (`client/<feature>/messages.ts`, named by its
 * `feature.ts`). French is the reference language; a key missing in English falls back to French, then to the key.
 */
// The collaborative-document layer (client/collab) is infrastructure under every feature: its messages come first;
// then the pages outside a room (signing in, the operator's), which are no room feature.
const bundles: Array<{ fr: Dictionary; en: Dictionary }> = [collabMessages, identityMessages, operatorMessages, ...clientFeatures.map((f) => f.messages)];

const dictionaries: Record<Lang, Dictionary> = {
  fr: Object.assign({}, ...bundles.map((b) => b.fr)),
  en: Object.assign({}, ...bundles.map((b) => b.en)),
};

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/**
 * `t(key, params)`: the message in `lang`, its ICU plural blocks (`{count, plural, one {# action} other {# actions}}`)
 * chosen by that language's rules, then its `{name}` placeholders filled.
 */
export function translator(lang: Lang): Translate {
  return (key, params) => {
    const template = dictionaries[lang][key] ?? dictionaries.fr[key] ?? key;
    return params ? pluralize(template, params, lang).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : template;
  };
}

export const LangContext = createContext<{ lang: Lang; t: Translate; setLang(lang: Lang): void }>({
  lang: 'fr',
  t: translator('fr'),
  setLang: () => undefined,
});

/** `const { t } = useT(); t('banner.exercise')`. */
export const useT = () => useContext(LangContext);
