/**
 * The audible notice of a new stimulus: two short tones synthesised with WebAudio (no audio file, no
 * network). Browsers start an AudioContext suspended until the person interacts with the page, so the
 * context is created, or resumed, on the first click or key press; before that a beep is silently lost.
 */

const MUTE_KEY = 'orsan-room:exercise-muted';

type AudioContextConstructor = new () => AudioContext;

let context: AudioContext | null = null;

function audioContext(): AudioContext | null {
  if (context) return context;
  const Ctor =
    (globalThis as { AudioContext?: AudioContextConstructor; webkitAudioContext?: AudioContextConstructor }).AudioContext ??
    (globalThis as { webkitAudioContext?: AudioContextConstructor }).webkitAudioContext;
  if (!Ctor) return null;
  try {
    context = new Ctor();
  } catch {
    return null;
  }
  return context;
}

/** Creates or resumes the audio context on the first gesture; returns the function that stops listening. */
export function unlockAudioOnGesture(): () => void {
  const unlock = () => {
    const ctx = audioContext();
    if (ctx && ctx.state === 'suspended') ctx.resume().catch(() => undefined);
  };
  const events = ['pointerdown', 'keydown'] as const;
  for (const e of events) addEventListener(e, unlock, { passive: true });
  return () => {
    for (const e of events) removeEventListener(e, unlock);
  };
}

function tone(ctx: AudioContext, frequency: number, start: number): void {
  const oscillator = ctx.createOscillator();
  const gain = ctx.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.value = frequency;
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.18);
  oscillator.connect(gain).connect(ctx.destination);
  oscillator.start(start);
  oscillator.stop(start + 0.2);
}

/** Plays the notice if sound is allowed and not muted; never throws. Returns true if it was scheduled. */
export function playBeep(): boolean {
  if (isMuted()) return false;
  const ctx = audioContext();
  if (!ctx || ctx.state !== 'running') return false;
  try {
    tone(ctx, 880, ctx.currentTime);
    tone(ctx, 1175, ctx.currentTime + 0.2);
    return true;
  } catch {
    return false;
  }
}

export function isMuted(): boolean {
  try {
    return localStorage.getItem(MUTE_KEY) === '1';
  } catch {
    return false;
  }
}

export function setMuted(muted: boolean): void {
  try {
    localStorage.setItem(MUTE_KEY, muted ? '1' : '0');
  } catch {
    // storage refused (private mode): the choice lasts for this page only
  }
}
