import type { ComponentType } from 'react';
import { clientFeatures } from '../features.js';
import type { RoomSection, SectionProps } from './section.js';

/**
 * The tabs of the room page, in order, gathered from the features; `roles` restricts who sees a tab
 * (the server enforces what each role may receive whatever the client shows).
 */
export const roomSections: readonly RoomSection[] = clientFeatures.flatMap((f) => f.sections ?? []);

/** Compact summaries shown in the header of every page of the room (alert chain, care offer…). */
export const roomSummaries: ReadonlyArray<ComponentType<SectionProps>> = clientFeatures.flatMap((f) => f.summaries ?? []);
