import type { ComponentType } from 'react';
import type { RoomSection, SectionProps } from './section.js';
import { OverviewSection } from './OverviewSection.js';
import { exerciseSections, exerciseSummaries } from '../exercise/sections.js';
import { AlertChainSection } from '../alert-chain/AlertChainSection.js';
import { AlertChainSummary } from '../alert-chain/AlertChainSummary.js';
import { CareOfferSection } from '../care-map/CareOfferSection.js';
import { CareOfferSummary } from '../care-map/CareOfferSummary.js';
import { RetexSection } from '../retex/RetexSection.js';
import { MainCouranteSection } from '../main-courante/MainCouranteSection.js';
import { MainCouranteSummary } from '../main-courante/MainCouranteSummary.js';
import { CommsSection } from '../comms/CommsSection.js';

/**
 * The tabs of the room page, in order. A domain adds its section here; `roles` restricts who sees it
 * (the server enforces what each role may receive whatever the client shows).
 */
export const roomSections: RoomSection[] = [
  { id: 'overview', labelKey: 'section.overview', Component: OverviewSection },
  ...exerciseSections,
  { id: 'main-courante', labelKey: 'section.mainCourante', Component: MainCouranteSection },
  { id: 'careMap', labelKey: 'section.careMap', Component: CareOfferSection },
  { id: 'alert-chain', labelKey: 'section.alertChain', Component: AlertChainSection },
  { id: 'comms', labelKey: 'section.comms', Component: CommsSection },
  { id: 'retex', labelKey: 'section.retex', Component: RetexSection },
];

/** Compact summaries shown in the header of every page of the room (alert chain, care offer…). */
export const roomSummaries: Array<ComponentType<SectionProps>> = [...exerciseSummaries, CareOfferSummary, AlertChainSummary, MainCouranteSummary];
