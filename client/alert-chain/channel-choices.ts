import { Channel } from '../../shared/core/channels.js';
import type { Choice } from '../app/ChoiceSelect.js';
import type { Translate } from '../i18n/index.js';

/** The channels an alert can go by, named in the viewer's language. */
export const channelChoices = (t: Translate): Choice[] => Channel.options.map((c) => ({ value: c, label: t(`alertChain.channel.${c}`) }));
