import { describe, expect, it } from 'vitest';
import { Channel } from '../../shared/core/channels.js';
import { alertChainMeasures, measuresCsv } from '../../shared/alert-chain/measures.js';
import { findLink, usesFallback } from '../../shared/alert-chain/state.js';
import { validateScenario } from '../../shared/exercise/scenario-load.js';
import { commandRefusal } from '../../shared/permissions.js';
import { narrate } from '../../shared/retex/narrator.js';
import { shippedData, stimulusIndex } from '../exercise/scenario-fixtures.js';
import { ars, minutes, pureRoom, run } from './harness.js';

const now = { wallTime: 1_700_000_000_000, exerciseTime: minutes(10) };
const lastSentence = (room: ReturnType<typeof pureRoom>) => narrate(room.events).at(-1)?.sentence ?? '';

describe('channels of the alert chain', () => {
  it('accepts an alert by visio or by a written note, and says it in French', () => {
    const room = pureRoom();
    room.exerciseTime = minutes(10);
    run(room, ars, 'alertChain.alert', { linkId: 'ars-prefecture', channel: 'visio', message: 'Point de situation en visioconférence.' });
    expect(findLink(room.state.alertChain, 'ars-prefecture')?.alert).toMatchObject({ channel: 'visio', channels: ['visio'] });
    expect(lastSentence(room)).toContain('en visioconférence');
    run(room, ars, 'alertChain.alert', { linkId: 'ars-corruss', channel: 'note', message: 'Note remise au cadre de la CRAPS.' });
    expect(lastSentence(room)).toContain('par une note écrite');
  });

  it('refuses an unknown channel with a French message naming it and listing every accepted channel', () => {
    const room = pureRoom();
    const refusal = commandRefusal('alertChain.alert', { state: room.state, actor: ars, now, payload: { linkId: 'ars-prefecture', channel: 'pigeon', message: 'x' } });
    expect(refusal?.code).toBe('invalid');
    expect(refusal?.message).toContain('canal « pigeon » inconnu');
    for (const channel of Channel.options) expect(refusal?.message).toContain(channel);
    expect(refusal?.message).toMatch(/visio, note/);
  });

  it('refuses an unknown channel in a scenario, naming the value and the accepted ones, visio and note included', () => {
    const data = shippedData();
    const s02 = stimulusIndex(data, 'S02');
    data.chronogramme[s02]!.channel = 'fax' as never;
    const check = validateScenario(data);
    expect(check.ok).toBe(false);
    const issue = check.ok ? undefined : check.errors.find((e) => e.path === `chronogramme[${s02}].channel`);
    expect(issue?.message).toContain('« fax » inconnu');
    expect(issue?.message).toContain('visio');
    expect(issue?.message).toContain('note');
    data.chronogramme[s02]!.channel = 'visio';
    expect(validateScenario(data).ok).toBe(true);
  });
});

describe('fallback channel of a link', () => {
  it('records an alert on the fallback channel as done, shown and exported as the fallback', () => {
    const room = pureRoom();
    room.exerciseTime = minutes(20);
    const link = findLink(room.state.alertChain, 'ars-corruss')!;
    expect(link).toMatchObject({ channel: 'mail', fallbackChannel: 'telephone' });
    expect(link.fallbackContact).toMatch(/hors de la messagerie/);
    run(room, ars, 'alertChain.alert', { linkId: 'ars-corruss', channel: 'telephone', message: 'Messagerie compromise : appel de la permanence.' });
    const alerted = findLink(room.state.alertChain, 'ars-corruss')!;
    expect(alerted.status).toBe('alerte');
    expect(usesFallback(alerted, alerted.alert!.channels)).toBe(true);
    expect(lastSentence(room)).toMatch(/par téléphone \(canal de repli\)/);
    const measure = alertChainMeasures(room.state.alertChain).links.find((m) => m.linkId === 'ars-corruss');
    expect(measure).toMatchObject({ usedChannel: 'telephone', usedFallback: true, alertedAt: minutes(20) });
    expect(
      measuresCsv(alertChainMeasures(room.state.alertChain))
        .split('\r\n')
        .find((l) => l.startsWith('ars-corruss;')),
    ).toContain('Téléphone (canal de repli)');
  });

  it('does not call the expected channel a fallback, nor an alert sent on both', () => {
    const room = pureRoom();
    run(room, ars, 'alertChain.alert', { linkId: 'ars-corruss', channels: ['mail', 'telephone'], message: 'Courriel doublé d’un appel.' });
    const alerted = findLink(room.state.alertChain, 'ars-corruss')!;
    expect(usesFallback(alerted, alerted.alert!.channels)).toBe(false);
    expect(lastSentence(room)).not.toContain('repli');
    expect(alertChainMeasures(room.state.alertChain).links.find((m) => m.linkId === 'ars-corruss')?.usedFallback).toBe(false);
  });
});
