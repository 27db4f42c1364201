/**
 * `npm run scenario:schema`: writes docs/scenario.schema.json from the zod scenario schema.
 * The file is committed; a test fails when it is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchemaText } from '../shared/exercise/scenario-json-schema.js';

const target = fileURLToPath(new URL('../docs/scenario.schema.json', import.meta.url));
writeFileSync(target, scenarioJsonSchemaText());
console.log(`Schéma écrit : ${target}`);
