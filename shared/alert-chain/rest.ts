import type { z } from 'zod';
import { computedBody } from '../core/rest.js';
import type { AlertChainMeasures } from './measures.js';

/**
 * The REST contract of the alert chain (`server/alert-chain/routes.ts`), under `/api`.
 * `GET /rooms/:roomId/alert-chain/measures.csv` is the same figures as a spreadsheet download.
 */

/** `GET /rooms/:roomId/alert-chain/measures`: computed by `alertChainMeasures` from the caller's own projection. */
export const AlertChainMeasuresResponse = computedBody<AlertChainMeasures>();
export type AlertChainMeasuresResponse = z.infer<typeof AlertChainMeasuresResponse>;
