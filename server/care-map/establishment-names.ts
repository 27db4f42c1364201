import type { EstablishmentNames } from '../../shared/retex/narrator.js';
import { regionLoaderFor, regionsDirFor } from './region.js';

/**
 * The names of a region's establishments by FINESS number, for sentences (the RETEX chronology, the main
 * courante's system entries, the points de situation): read once per region from the reference files. Without them (a region whose
 * files are gone) the sentences still go out, naming sites by FINESS number.
 */
export function establishmentNamesFor(scenariosDir: string | undefined): NamesOfRegion {
  // One per folder for the whole process: every room, the RETEX and the sitrep exports share the same names.
  let namesOf = byFolder.get(scenariosDir);
  if (!namesOf) {
    namesOf = namesLoader(scenariosDir);
    byFolder.set(scenariosDir, namesOf);
  }
  return namesOf;
}

type NamesOfRegion = (region: string | null) => Promise<EstablishmentNames | undefined>;
const byFolder = new Map<string | undefined, NamesOfRegion>();

function namesLoader(scenariosDir: string | undefined): NamesOfRegion {
  const regions = regionLoaderFor(regionsDirFor(scenariosDir));
  const cache = new Map<string, Promise<EstablishmentNames | undefined>>();
  return (region) => {
    if (region === null) return Promise.resolve(undefined);
    let names = cache.get(region);
    if (!names) {
      names = regions.load(region).then(
        ({ data }) => {
          const byFiness = new Map(data.establishments.map((e) => [e.finess, e.nom]));
          return (finess: string) => byFiness.get(finess);
        },
        () => {
          cache.delete(region);
          return undefined;
        },
      );
      cache.set(region, names);
    }
    return names;
  };
}
