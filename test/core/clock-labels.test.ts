import { describe, expect, it } from 'vitest';
import { SimulatedStart, clockDigits, deadlineLabel, exerciseTimeLabel, momentLabel, simulatedTimeLabel, simulatedTimeOfDay, wallTimeLabel } from '../../shared/core/clock-labels.js';

const min = 60_000;
const paris = { timeZone: 'Europe/Paris' };
// 14:02:07 in Paris (UTC+1 in January).
const wall = Date.UTC(2026, 0, 15, 13, 2, 7);

describe('every time says its clock (issue 18 #6)', () => {
  it('writes exercise time from DEBEX, with its sign before DEBEX', () => {
    expect(exerciseTimeLabel(50 * min)).toBe('T+00:50:00');
    expect(exerciseTimeLabel(50 * min + 30_000, 'minutes')).toBe('T+00:50');
    expect(exerciseTimeLabel(-5 * min)).toBe('T-00:05:00');
    expect(exerciseTimeLabel(null)).toBe('—');
    expect(clockDigits(5_400_000)).toBe('01:30:00');
  });

  it('writes the scenario’s simulated time of day, in French and English', () => {
    expect(simulatedTimeOfDay('08:00', 50 * min)).toBe('08 h 50');
    expect(simulatedTimeLabel('08:00', 50 * min)).toBe('08 h 50 (simulée)');
    expect(simulatedTimeLabel('08:00', 50 * min, 'en')).toBe('08:50 (simulated)');
    // Seconds never round a minute up: at T+00:59:59 it is still 08 h 59.
    expect(simulatedTimeOfDay('08:00', 60 * min - 1000)).toBe('08 h 59');
  });

  it('counts days past midnight and before the simulated day', () => {
    expect(simulatedTimeOfDay('23:30', 40 * min)).toBe('J+1 00 h 10');
    expect(simulatedTimeOfDay('23:30', 40 * min, 'en')).toBe('D+1 00:10');
    expect(simulatedTimeOfDay('22:00', 26 * 60 * min)).toBe('J+2 00 h 00');
    expect(simulatedTimeOfDay('08:00', -10 * min)).toBe('07 h 50');
    expect(simulatedTimeOfDay('00:05', -10 * min)).toBe('J-1 23 h 55');
    // Thirty seconds before DEBEX is still the minute before it.
    expect(simulatedTimeOfDay('08:00', -30_000)).toBe('07 h 59');
  });

  it('labels the wall clock as real time', () => {
    expect(wallTimeLabel(wall, paris)).toBe('14:02 (heure réelle)');
    expect(wallTimeLabel(wall, { ...paris, seconds: true })).toBe('14:02:07 (heure réelle)');
    expect(wallTimeLabel(wall, { ...paris, lang: 'en' })).toBe('14:02 (real time)');
  });

  it('writes a moment with the simulated time of day when there is one, else with the wall clock', () => {
    expect(momentLabel({ exerciseTime: 50 * min, wallTime: wall, simulatedStart: '08:00', ...paris })).toBe('T+00:50:00 · 08 h 50 (simulée)');
    expect(momentLabel({ exerciseTime: 50 * min, wallTime: wall, simulatedStart: null, ...paris })).toBe('T+00:50:00 · 14:02 (heure réelle)');
    expect(momentLabel({ exerciseTime: 50 * min })).toBe('T+00:50:00');
  });

  it('writes deadlines on the exercise clock with the simulated time of day beside them', () => {
    expect(deadlineLabel(30 * min, '08:00')).toBe('avant T+00:30 · 08 h 30 simulée');
    expect(deadlineLabel(30 * min, '08:00', 'en')).toBe('by T+00:30 · 08:30 simulated');
    expect(deadlineLabel(30 * min, null)).toBe('avant T+00:30');
  });

  it('accepts a simulated start only as HH:MM within a day', () => {
    expect(SimulatedStart.safeParse('08:00').success).toBe(true);
    expect(SimulatedStart.safeParse('23:59').success).toBe(true);
    for (const bad of ['8:00', '24:00', '08:60', '08 h 00', '08:00:00']) expect(SimulatedStart.safeParse(bad).success).toBe(false);
  });
});
