import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { createRoom, joinAs, type TestClient, type TestRoom } from '../helpers/room.js';
import { observationKey } from '../../shared/exercise/stimuli-state.js';
import { dictGet } from '../../shared/core/dict.js';

describe('an evaluator ticks first and comments afterwards', () => {
  let server: TestServer;
  let room: TestRoom;
  let evaluator: TestClient;
  let player: TestClient;

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url, { scenario: 'cyber-ght-samu-normandie' });
    evaluator = await joinAs(room, 'evaluator');
    player = await joinAs(room, 'player', 'ars');
  }, 60_000);

  afterAll(async () => {
    evaluator?.close();
    player?.close();
    await server?.close();
  });

  it('keeps the tick’s exercise time when the comment comes later, and refuses a comment on what is not ticked', async () => {
    const runtime = await server.server.rooms.get(room.roomId);
    const criterion = runtime.state.exercise.observerKit!.grid[0]!.criteria[0]!;
    const key = observationKey('grille', criterion.id);

    const notTicked = await evaluator.send('evaluation.commentObservation', { stimulusId: 'grille', actionId: criterion.id, comment: 'trop tôt' });
    expect(notTicked.ok).toBe(false);

    expect((await evaluator.send('evaluation.observeAction', { stimulusId: 'grille', actionId: criterion.id, comment: '' })).ok).toBe(true);
    const ticked = dictGet(runtime.state.exercise.evaluation.observed, key)!;
    expect(ticked.comment).toBe('');

    expect((await evaluator.send('evaluation.commentObservation', { stimulusId: 'grille', actionId: criterion.id, comment: '  Vu au point de 10 h  ' })).ok).toBe(true);
    const commented = dictGet(runtime.state.exercise.evaluation.observed, key)!;
    expect(commented).toEqual({ ...ticked, comment: 'Vu au point de 10 h' });
  });

  it('is the staff’s: a player may not comment a tick', async () => {
    const criterion = (await server.server.rooms.get(room.roomId)).state.exercise.observerKit!.grid[0]!.criteria[0]!;
    const answer = await player.send('evaluation.commentObservation', { stimulusId: 'grille', actionId: criterion.id, comment: 'moi aussi' });
    expect(answer.ok).toBe(false);
  });
});
