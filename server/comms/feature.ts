import { watchSubmissions } from './sealing.js';
import { defineServerFeature } from '../feature.js';
import { commsPolicy } from './doc-policy.js';

/**
 * Public communication: when a draft is submitted, the server seals the text it reads from the draft's
 * document (its hash is what validators sign). An automation like the others: on the leader only, so that
 * two instances never both seal.
 */
export const commsServer = defineServerFeature({
  id: 'comms',
  docPolicies: { comms: commsPolicy },
  automations: [
    (runtime, ctx) =>
      watchSubmissions(
        runtime,
        (roomId, docName, task) => ctx.docs.withDoc(roomId, docName, task),
        (error) => ctx.logger.error({ err: error, roomId: runtime.id }, 'comms: sealing a submitted draft failed'),
      ),
  ],
});
