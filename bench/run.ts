/**
 * `npm run bench` runs every suite; `npm run bench -- core` (or several names) selects some.
 * A suite is a module under bench/<name>/ exporting one async function; register it below.
 */
const suites: Record<string, () => Promise<void>> = {
  core: async () => (await import('./core/index.js')).runCoreBench(),
  exercise: async () => (await import('./exercise/index.js')).runExerciseBench(),
  'care-map': async () => (await import('./care-map/index.js')).runCareMapBench(),
  collab: async () => (await import('./collab/index.js')).runCollabBench(),
  cluster: async () => (await import('./cluster/index.js')).runClusterBench(),
  national: async () => (await import('./national/index.js')).runNationalBench(),
  'first-screen': async () => (await import('./first-screen/index.js')).runFirstScreenBench(),
};

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = asked.filter((name) => !(name in suites));
  if (unknown.length > 0) throw new Error(`Suite(s) inconnue(s) : ${unknown.join(', ')}. Disponibles : ${Object.keys(suites).join(', ')}`);
  for (const name of asked.length > 0 ? asked : Object.keys(suites)) {
    console.log(`\n== ${name} ==`);
    const started = performance.now();
    await suites[name]!();
    console.log(`== ${name} : ${Math.round((performance.now() - started) / 1000)} s ==`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
