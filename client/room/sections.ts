import type { ComponentType } from 'react';
import type { RoomSection, SectionProps } from './section.js';
import { OverviewSection } from './OverviewSection.js';

/**
 * The tabs of the room page, in order. A domain adds its section here; `roles` restricts who sees it
 * (the server enforces what each role may receive whatever the client shows).
 */
export const roomSections: RoomSection[] = [{ id: 'overview', labelKey: 'section.overview', Component: OverviewSection }];

/** Compact summaries shown in the header of every page of the room (alert chain, care offer…). */
export const roomSummaries: Array<ComponentType<SectionProps>> = [];
