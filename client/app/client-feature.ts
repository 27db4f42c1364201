import type { ComponentType } from 'react';
import type { RoomSection, SectionProps } from '../room/section.js';

/** A message bundle: French is the reference, English falls back to it key by key. */
export interface MessageBundle {
  fr: Record<string, string>;
  en: Record<string, string>;
}

/**
 * What a domain folder of `client/` brings to the room page: its tabs, its summaries in the header, its
 * messages. One object per folder, in its `feature.ts`; `client/features.ts` lists them. Components are
 * loaded lazily (React.lazy): the feature list imports no component, so the messages registry that reads it
 * has no import cycle, and a tab's code is fetched when it is first shown.
 */
export interface ClientFeature {
  id: string;
  sections?: readonly RoomSection[];
  summaries?: ReadonlyArray<ComponentType<SectionProps>>;
  messages: MessageBundle;
}

export const defineClientFeature = (feature: ClientFeature): ClientFeature => feature;
