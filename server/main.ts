import { createOrsanServer } from './app.js';
import { loadConfig } from './config.js';
import { ensureDemoRoom } from './demo.js';

/** `npm start`: the room server on PORT with the embedded store in DATA_DIR, and a demo exercise. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const server = await createOrsanServer(config);
  await server.listen();
  await server.rooms.loadAll();
  const out: string[] = [`\nORSAN Room en service : ${server.url()}`];
  if (server.operatorTokenGenerated) out.push(`Jeton d'opérateur (créer des salles) : ${server.operatorToken}  [enregistré dans ${config.DATA_DIR}/operator-token]`);
  if (config.DEMO) {
    // The demo is a convenience: a scenario folder without its scenario (SCENARIOS_DIR) must not stop a server
    // that may be there for a real crisis. Said in one line, and the server goes on.
    try {
      const links = await ensureDemoRoom(server, config.DEMO_SCENARIO);
      if (links.length > 0) {
        out.push('\nExercice de démonstration — un lien par rôle :');
        for (const link of links) out.push(`  ${link.label.padEnd(48)} ${link.url}`);
      }
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      out.push(`\nExercice de démonstration non créé : ${why} (DEMO=false pour ne plus le demander). Le serveur fonctionne.`);
      server.logger.warn({ err: error, scenario: config.DEMO_SCENARIO }, 'demo room not created');
    }
  }
  console.log(out.join('\n') + '\n');

  const stop = async (signal: string) => {
    server.logger.info({ signal }, 'shutting down');
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
