import { z } from 'zod';
import { Scenario } from './scenario.js';

/**
 * The scenario format as JSON Schema (draft 2020-12), for editors' completion and for tools outside TypeScript.
 * Cross-field checks (references, duplicates) are not expressible there: `npm run scenario:check` does them.
 * `npm run scenario:schema` writes this text to docs/scenario.schema.json.
 */
export function scenarioJsonSchemaText(): string {
  const schema = z.toJSONSchema(Scenario, { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' });
  const documented = {
    $schema: schema.$schema,
    title: 'Scénario d’exercice ORSAN Room',
    description: 'Format des fichiers de scénarios (scenarios/*.json|yaml). Les vérifications croisées (références, doublons) sont faites par « npm run scenario:check ».',
    ...schema,
  };
  return `${JSON.stringify(documented, null, 2)}\n`;
}
