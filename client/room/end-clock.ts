import { dictPick } from '../../shared/core/dict.js';
import type { RoomState } from '../../shared/room-state.js';
import { tPlus } from '../app/time.js';
import type { Translate } from '../i18n/index.js';
import type { ConfirmText } from './ConfirmDialog.js';

/** What ending the clock stops, counted on the room's state (the animator's figures only where she sees them). */
export interface EndClockFigures {
  mode: RoomState['room']['mode'];
  /** Exercise (or crisis) time at which the clock would stop. */
  at: number;
  /** Chronogramme rows still due at a time / waiting for a condition; null when this page has no chronogramme. */
  scheduled: number | null;
  waiting: number | null;
  /** Alert-chain links without an acknowledgement: their deadlines stop running. */
  openLinks: number;
}

export function endClockFigures(state: Pick<RoomState, 'room' | 'exercise' | 'alertChain'>, at: number): EndClockFigures {
  const animator = state.exercise.animator;
  const items = animator ? dictPick(animator.items, animator.order) : null;
  return {
    mode: state.room.mode,
    at,
    scheduled: items && items.filter((i) => i.status === 'scheduled').length,
    waiting: items && items.filter((i) => i.status === 'waiting').length,
    openLinks: state.alertChain.links.filter((l) => l.status !== 'accuse').length,
  };
}

/** A counted sentence: `.none` for 0 (when the message has one), `.one` for 1, `.other` with `{count}` beyond. */
function counted(t: Translate, key: string, count: number): string {
  return t(`${key}.${count === 0 ? 'none' : count === 1 ? 'one' : 'other'}`, { count });
}

/**
 * The confirmation of FINEX (exercise) or of the crisis's end, saying what stops, with the figures:
 * « L'horloge d'exercice s'arrête pour tous… 33 stimuli programmés ne seront pas injectés… Irréversible. »
 */
export function endClockText(t: Translate, figures: EndClockFigures): ConfirmText {
  const at = tPlus(figures.at);
  if (figures.mode === 'crisis') {
    return {
      title: t('clock.endCrisis.title'),
      lines: [t('clock.endCrisis.clock', { at }), counted(t, 'clock.endCrisis.links', figures.openLinks), t('clock.endCrisis.directory'), t('clock.endCrisis.irreversible')],
      confirm: t('clock.endCrisis'),
    };
  }
  return {
    title: t('clock.end.title'),
    lines: [
      t('clock.end.clock', { at }),
      ...(figures.scheduled === null ? [] : [counted(t, 'clock.end.scheduled', figures.scheduled)]),
      ...(figures.waiting ? [counted(t, 'clock.end.waiting', figures.waiting)] : []),
      counted(t, 'clock.end.links', figures.openLinks),
      t('clock.end.irreversible'),
    ],
    confirm: t('clock.end'),
  };
}
