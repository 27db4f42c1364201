import { z } from 'zod';

/**
 * A REST body computed by a shared pure function (a room projection, the RETEX report, the chain's measures):
 * its TypeScript type, written beside that function, is the contract, and the function is the only producer.
 * Rewriting such a type as a zod schema would be a second definition to keep in step, so the schema checks
 * only that the body is a JSON object and carries the type.
 */
export const computedBody = <T>() => z.custom<T>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'objet JSON attendu');
