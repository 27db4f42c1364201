import L from 'leaflet';
import type { EstablishmentKind } from '../../shared/care-map/establishment.js';
import type { CareMode } from '../../shared/care-map/modes.js';

/** Colour of each mode: green, amber, red, black — readable by the colour-blind thanks to the shapes and the legend. */
export const modeColors: Record<CareMode, string> = {
  normal: '#2b8a3e',
  degrade: '#f59f00',
  critique: '#e03131',
  arret: '#212529',
};

type Shape = 'diamond' | 'square' | 'circle' | 'triangle' | 'dot';

/** Shape and size per kind: Samu are diamonds, hospitals squares, clinics circles, EHPAD triangles. */
export const kindShapes: Record<EstablishmentKind, { shape: Shape; size: number }> = {
  samu: { shape: 'diamond', size: 26 },
  chu: { shape: 'square', size: 22 },
  hopital: { shape: 'square', size: 18 },
  clinique: { shape: 'circle', size: 15 },
  cancer: { shape: 'circle', size: 15 },
  psychiatrie: { shape: 'dot', size: 12 },
  ssr: { shape: 'dot', size: 12 },
  had: { shape: 'dot', size: 12 },
  dialyse: { shape: 'dot', size: 12 },
  ehpad: { shape: 'triangle', size: 16 },
  autre: { shape: 'dot', size: 12 },
};

/**
 * A glyph per mode, drawn in a badge on the marker's corner: the status is never carried by colour alone
 * (colour-blind readers, a black-and-white printout). Normal has none: most markers stay quiet.
 */
export const modeGlyphs: Record<CareMode, string> = { normal: '', degrade: '!', critique: '!!', arret: '×' };

/** Room the badge takes above and right of the shape. */
const badgeRoom = 7;

/** The badge of a mode: a dark disc with the mode's glyph, at (cx, cy). */
function badgeSvg(mode: CareMode, cx: number, cy: number): string {
  return `<circle cx="${cx}" cy="${cy}" r="6.5" fill="#fff" stroke="#212529" stroke-width="1.5"/><text x="${cx}" y="${cy + 0.5}" text-anchor="middle" dominant-baseline="middle" font-size="${mode === 'critique' ? 8 : 10}" font-weight="700" fill="#212529">${modeGlyphs[mode]}</text>`;
}

/** The SVG of a mode's badge alone, for the legend. */
export function modeBadgeSvg(mode: CareMode): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">${mode === 'normal' ? '' : badgeSvg(mode, 7, 7)}</svg>`;
}

/**
 * The SVG of a shape filled with `color` (no image files: the map must work offline and under a strict CSP),
 * with the badge of `mode` when it is not normal.
 */
export function shapeSvg(kind: EstablishmentKind, color: string, mode: CareMode = 'normal'): string {
  const { shape, size } = kindShapes[kind];
  const s = size;
  const stroke = `stroke="#fff" stroke-width="2" fill="${color}"`;
  const body: Record<Shape, string> = {
    diamond: `<polygon points="${s / 2},1 ${s - 1},${s / 2} ${s / 2},${s - 1} 1,${s / 2}" ${stroke}/><text x="50%" y="55%" text-anchor="middle" dominant-baseline="middle" font-size="9" font-weight="700" fill="#fff">15</text>`,
    square: `<rect x="1" y="1" width="${s - 2}" height="${s - 2}" rx="2" ${stroke}/><text x="50%" y="56%" text-anchor="middle" dominant-baseline="middle" font-size="${s > 20 ? 11 : 10}" font-weight="700" fill="#fff">H</text>`,
    circle: `<circle cx="${s / 2}" cy="${s / 2}" r="${s / 2 - 1}" ${stroke}/>`,
    triangle: `<polygon points="${s / 2},1 ${s - 1},${s - 1} 1,${s - 1}" ${stroke}/>`,
    dot: `<circle cx="${s / 2}" cy="${s / 2}" r="${s / 2 - 2}" ${stroke}/>`,
  };
  if (mode === 'normal') return `<svg xmlns="http://www.w3.org/2000/svg" width="${s}" height="${s}" viewBox="0 0 ${s} ${s}" aria-hidden="true">${body[shape]}</svg>`;
  const w = s + badgeRoom;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${w}" viewBox="0 0 ${w} ${w}" aria-hidden="true"><g transform="translate(0 ${badgeRoom})">${body[shape]}</g>${badgeSvg(mode, s, badgeRoom)}</svg>`;
}

const iconCache = new Map<string, L.DivIcon>();

/**
 * The marker of an establishment: a divIcon (never Leaflet's default PNG icon, which would be fetched
 * from a path the bundle does not serve). Carries `data-testid="marker-<finess>"`, `data-mode` and `data-plan-blanc`. The
 * shape's centre stays on the site whether or not the mode's badge widens the icon.
 */
export function establishmentIcon(finess: string, kind: EstablishmentKind, mode: CareMode, selected: boolean, planBlanc = false): L.DivIcon {
  const key = `${finess}|${kind}|${mode}|${selected}|${planBlanc}`;
  let icon = iconCache.get(key);
  if (!icon) {
    const { size } = kindShapes[kind];
    const room = mode === 'normal' ? 0 : badgeRoom;
    icon = L.divIcon({
      className: `cm-marker cm-mode-${mode}${selected ? ' cm-selected' : ''}`,
      // The plan blanc is a sign of its own (« PB » under the shape), not a colour: a site may be normal and in plan blanc.
      html: `<div data-testid="marker-${finess}" data-mode="${mode}" data-kind="${kind}" data-plan-blanc="${planBlanc}">${shapeSvg(kind, modeColors[mode], mode)}${planBlanc ? '<span class="cm-pb-sign" aria-hidden="true">PB</span>' : ''}</div>`,
      iconSize: [size + room, size + room],
      iconAnchor: [size / 2, size / 2 + room],
    });
    iconCache.set(key, icon);
  }
  return icon;
}

const arrowCache = new Map<string, L.DivIcon>();

/** An arrowhead rotated to `angle` degrees, with the test id of the flow it ends. */
export function arrowIcon(testId: string, angle: number, color: string, extra = ''): L.DivIcon {
  const key = `${testId}|${angle.toFixed(1)}|${color}|${extra}`;
  const cached = arrowCache.get(key);
  if (cached) return cached;
  const icon = L.divIcon({
    className: 'cm-arrowhead',
    html: `<div data-testid="${testId}" ${extra} style="transform: rotate(${angle.toFixed(1)}deg)"><svg xmlns="http://www.w3.org/2000/svg" width="18" height="18" viewBox="0 0 18 18" aria-hidden="true"><polygon points="2,2 17,9 2,16 6,9" fill="${color}" stroke="#fff" stroke-width="1"/></svg></div>`,
    iconSize: [18, 18],
    iconAnchor: [9, 9],
  });
  arrowCache.set(key, icon);
  return icon;
}
