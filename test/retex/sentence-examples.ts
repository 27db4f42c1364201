import type { Participant } from '../../shared/core/define.js';
import { dictGet } from '../../shared/core/dict.js';
import type { EventDraft, RoomEvent } from '../../shared/core/events.js';
import { systemActor, type Actor } from '../../shared/core/roles.js';
import { defaultOrsanCyberChain } from '../../shared/alert-chain/default-chain.js';
import * as chain from '../../shared/alert-chain/events.js';
import * as care from '../../shared/care-map/events.js';
import { capacityUpdated } from '../../shared/care-map/capacity.js';
import { debordementEnded, debordementSet } from '../../shared/care-map/debordement.js';
import { planBlancDeclared, planBlancLifted } from '../../shared/care-map/plan-blanc.js';
import * as comms from '../../shared/comms/events.js';
import * as rumours from '../../shared/comms/rumour.js';
import * as decisions from '../../shared/decisions/events.js';
import * as directory from '../../shared/directory/events.js';
import * as evaluation from '../../shared/exercise/evaluation.js';
import { parseScenario } from '../../shared/exercise/scenario-load.js';
import { evaluatorView, playerView } from '../../shared/exercise/scenario-views.js';
import { inboxItemOf } from '../../shared/exercise/scheduling.js';
import * as stimuli from '../../shared/exercise/stimuli-events.js';
import { stimulusAssigned } from '../../shared/exercise/stimulus-assignment.js';
import * as mainCourante from '../../shared/main-courante/events.js';
import * as notifications from '../../shared/notifications/events.js';
import { archiveSealed } from '../../shared/retex/archive-seal.js';
import { retexReleased } from '../../shared/retex/release.js';
import * as room from '../../shared/room/events.js';
import * as sitrep from '../../shared/sitrep/events.js';
import * as organisation from '../../shared/organisation/events.js';
import { buildSnapshot, decisionsOf } from '../../shared/sitrep/snapshot.js';
import { initialRoomState } from '../../shared/room-state.js';
import type { EstablishmentNames } from '../../shared/retex/narrator.js';
import { append, minutes, type PureRoom } from '../alert-chain/harness.js';
import { shippedData } from '../exercise/scenario-fixtures.js';

export const EVREUX = '270000359';
export const ROUEN = '760000158';
export const FICTIONAL = 'FIC000001';

/** The region's names as the server's reference files give them (capitals, no accents). */
export const regionNames: EstablishmentNames = (finess) => ({ [EVREUX]: 'CH EVREUX CH EURE-SEINE', [ROUEN]: 'HOPITAL CHARLES NICOLLE CHU ROUEN' })[finess];
/** Each establishment of the story as a sentence must name it. */
export const displayNames: Record<string, string> = { [EVREUX]: 'CH Evreux CH Eure-Seine', [ROUEN]: 'Hôpital Charles Nicolle CHU Rouen', [FICTIONAL]: 'Clinique fictive de la Risle' };

export const director: Participant = { kind: 'participant', sessionId: 's-dir', name: 'Directrice', role: 'director' };
export const marie: Participant = { kind: 'participant', sessionId: 's-ars', name: 'Marie Dupont', role: 'player', cell: 'ars' };
export const paul: Participant = { kind: 'participant', sessionId: 's-pref', name: 'Paul Martin', role: 'player', cell: 'prefecture' };
export const eva: Participant = { kind: 'participant', sessionId: 's-eval', name: 'Éva Leroy', role: 'evaluator' };

const hash = 'a'.repeat(64);
const corruss = {
  id: 'corruss-1',
  actor: 'corruss',
  name: 'Permanence CORRUSS',
  function: 'Régulation',
  email: 'alerte@sante.gouv.fr',
  mobile: '+33612345678',
  landline: null,
  rank: 1,
  onCall: [],
  exercise: true,
};
const redacted = { redacted: 'donnees-personnelles' as const, sha256: hash };

const entryOf = (id: string, author: Participant, text: string, type: 'information' | 'decision', links = {}) => ({
  id,
  type,
  text,
  sessionId: author.sessionId,
  author: author.name,
  role: author.role,
  cell: author.cell ?? null,
  authoredAt: 1_700_000_000_000,
  authoredExerciseTime: minutes(20),
  significant: type === 'decision',
  corrects: null,
  links,
});

/**
 * A small regional exercise told as one log, with at least one event of every type the registry knows, each
 * built by its spec's `draft` (payloads checked by the compiler, then by the schema in the test). Events come
 * in an order the room can live, so each sentence finds in the state before it the names it needs.
 */
export function exampleStory(): { room: PureRoom; events: RoomEvent[] } {
  const scenario = parseScenario(shippedData());
  const r: PureRoom = { state: initialRoomState('r1'), events: [], exerciseTime: 0 };
  const at = (m: number) => (r.exerciseTime = minutes(m));
  const by = (actor: Actor, ...drafts: EventDraft[]) => append(r, drafts, actor, actor.kind === 'system' ? null : `c${r.events.length}`);
  const clock = (action: 'start' | 'pause' | 'resume' | 'speed' | 'jump' | 'end', status: 'running' | 'paused' | 'ended', speed = 1, anchorExercise = r.exerciseTime) =>
    room.clockChanged.draft({ action, clock: { status, speed, anchorWall: 1_700_000_000_000, anchorExercise } }, 'all');

  // The room's creation: one append by the server (set-up, not happenings).
  by(
    systemActor,
    room.roomCreated.draft({ mode: 'exercise', title: 'Exercice régional cyber', cells: scenario.cells }, 'all'),
    chain.chainDefined.draft({ template: defaultOrsanCyberChain }, 'all'),
    care.regionLoaded.draft(
      {
        region: 'normandie',
        finessIds: [EVREUX, ROUEN, FICTIONAL],
        samuIds: [EVREUX, ROUEN],
        fictionalSites: [
          { finess: FICTIONAL, nom: 'Clinique fictive de la Risle', kind: 'clinique', commune: 'Pont-Audemer', departement: '27', lat: 49.35, lon: 0.51, urgences: true, smur: false, samu: false },
        ],
      },
      'all',
    ),
    care.ghtAssigned.draft({ finess: EVREUX, ght: 'GHT Eure-Seine – Pays d’Ouche' }, 'all'),
    stimuli.scenarioLoaded.draft({ scenario }, 'director'),
    stimuli.observerKitPublished.draft(
      {
        observerKit: evaluatorView(scenario).observerKit,
        objectives: scenario.objectives,
        expectedActions: scenario.chronogramme.flatMap((s) => s.expectedActions.map((a) => ({ id: a.id, stimulusId: s.id, label: a.label, criterion: a.criterion, objective: a.objective }))),
      },
      'staff',
    ),
    stimuli.briefingPublished.draft({ view: playerView(scenario) }, 'all'),
    directory.directoryLoaded.draft({ contacts: [corruss], file: 'annuaire-crise.csv' }, 'responders'),
    comms.validatorSet.draft({ cell: 'prefecture' }, 'all'),
    sitrep.sitrepValidatorSet.draft({ cell: 'prefecture' }, 'all'),
    sitrep.sitrepScheduleSet.draft({ everyMinutes: 90, firstDueAt: minutes(60), fromWallTime: null, setAt: 0 }, 'all'),
  );

  by(marie, room.participantCheckedIn.draft({ sessionId: marie.sessionId, name: marie.name, role: 'player', cell: 'ars' }, 'all'));
  by(director, room.roomRenamed.draft({ title: 'Exercice régional cyber — Normandie' }, 'all'), room.roomAnnounced.draft({ text: 'DEBEX dans cinq minutes.' }, 'all'));
  by(director, clock('start', 'running'), room.roomAnnounced.draft({ text: '' }, 'all'), clock('speed', 'running', 10));
  const adHoc = { ...scenario.chronogramme[0]!, id: 'AH01', subject: 'Le SAMU 27 rappelle', expectedActions: [] };
  by(
    director,
    stimuli.stimulusCreated.draft({ stimulus: adHoc, inReplyTo: 'S01' }, 'director'),
    stimuli.stimulusEdited.draft({ stimulus: { ...adHoc, subject: 'Le SAMU 27 rappelle (corrigé)' } }, 'director'),
  );
  by(director, stimuli.stimulusDeferred.draft({ id: 'S07', to: minutes(40) }, 'director'), stimuli.stimulusSkipped.draft({ id: 'S07' }, 'director'));

  at(1);
  const s01 = dictGet(r.state.exercise.animator?.items, 'S01')!;
  by(systemActor, stimuli.stimulusInjected.draft({ item: inboxItemOf(r.state, s01, r.exerciseTime, 1_700_000_060_000), due: null }, { cells: s01.stimulus.recipients }));
  at(3);
  by(marie, stimuli.stimulusAcknowledged.draft({ id: 'S01', cell: 'ars' }, 'all'), stimuli.stimulusReplied.draft({ id: 'S01', cell: 'ars', text: 'Bien reçu, la cellule est activée.' }, 'all'));
  by(director, stimuli.stimulusAcknowledged.draft({ id: 'S01', cell: 'prefecture' }, 'all'));
  by(marie, stimuli.stimulusLinked.draft({ id: 'S01', cell: 'ars', kind: 'establishment', ref: EVREUX, label: 'CH Eure-Seine (Évreux)' }, 'all'));
  by(marie, stimulusAssigned.draft({ id: 'S01', cell: 'ars', assignee: { sessionId: marie.sessionId, name: marie.name } }, 'all'));

  at(5);
  by(marie, care.statusChanged.draft({ finess: EVREUX, mode: 'degrade', functions: { si_dpi: 'arret' }, capacity: { urgencesOuvertes: false, litsFermes: 12 }, situation: 'DPI chiffré' }, 'all'));
  by(systemActor, care.statusChanged.draft({ finess: ROUEN, functions: { regulation_samu: 'critique' } }, 'all'));
  by(marie, care.basculeSet.draft({ samu: EVREUX, to: ROUEN }, 'all'));
  const [diversion] = by(marie, care.diversionAdded.draft({ from: EVREUX, to: FICTIONAL, patients: 'AVC', note: 'Filière neurovasculaire' }, 'all'));
  by(marie, care.diversionEnded.draft({ id: care.diversionIdOf(diversion!.seq) }, 'all'), care.basculeEnded.draft({ samu: EVREUX }, 'all'));
  by(director, care.ghtAssigned.draft({ finess: EVREUX, ght: null }, 'all'), care.ghtAssigned.draft({ finess: ROUEN, ght: 'Rouen Cœur de Seine' }, 'all'));
  by(marie, planBlancDeclared.draft({ finess: EVREUX, note: 'Afflux de patients détournés' }, 'all'));
  by(marie, debordementSet.draft({ samu: ROUEN, to: EVREUX, plannedEnd: { clock: 'exercise', at: minutes(120) } }, 'all'));
  by(marie, capacityUpdated.draft({ finess: ROUEN, specialty: 'reanimation', disponibles: 4, fermes: 2, source: 'signalement' }, 'all'));
  by(marie, debordementEnded.draft({ samu: ROUEN }, 'all'), planBlancLifted.draft({ finess: EVREUX }, 'all'));

  at(10);
  by(director, chain.alertSent.draft({ linkId: 'etab-ars-astreinte', from: 'etablissement', to: 'ars-astreinte', channel: 'telephone', message: 'Rançongiciel au CH.' }, 'all'));
  by(marie, chain.alertSent.draft({ linkId: 'ars-prefecture', from: 'ars', to: 'prefecture', channel: 'telephone', channels: ['telephone', 'sms'], message: 'Cyberattaque GHT.' }, 'all'));
  by(paul, chain.linkAcknowledged.draft({ linkId: 'ars-prefecture', from: 'ars', to: 'prefecture' }, 'all'));
  by(marie, chain.linkCorrected.draft({ linkId: 'ars-prefecture', note: 'Accusé saisi par erreur.', undo: 'acknowledgement' }, 'all'));
  by(
    marie,
    chain.linkCorrected.draft({ linkId: 'ars-prefecture', note: 'Mauvais lien.', undo: 'alert' }, 'all'),
    chain.linkCorrected.draft({ linkId: 'ars-prefecture', note: 'Rien à annuler.', undo: null }, 'all'),
  );
  by(marie, chain.alertSent.draft({ linkId: 'ars-corruss', from: 'ars', to: 'corruss', channel: 'mail', message: 'Signalement.' }, 'all'));
  by(
    systemActor,
    notifications.notificationQueued.draft(
      {
        id: 'n1',
        linkId: 'ars-corruss',
        actorId: 'corruss',
        contactId: 'corruss-1',
        contactName: 'Permanence CORRUSS',
        contactRank: 1,
        channel: 'mail',
        reason: 'alert',
        delivery: 'real',
        exercise: true,
        message: 'Signalement.',
        sender: marie.name,
      },
      'responders',
    ),
    notifications.notificationQueued.draft(
      {
        id: 'n2',
        linkId: 'ars-corruss',
        actorId: 'corruss',
        contactId: 'corruss-1',
        contactName: 'Permanence CORRUSS',
        contactRank: 1,
        channel: 'sms',
        reason: 'relay',
        delivery: 'simulated',
        exercise: true,
        message: 'Signalement.',
        sender: marie.name,
      },
      'responders',
    ),
    notifications.notificationQueued.draft(
      {
        id: 'n3',
        linkId: 'ars-corruss',
        actorId: 'hfds',
        contactId: null,
        contactName: null,
        contactRank: null,
        channel: 'sms',
        reason: 'escalation',
        delivery: 'undeliverable',
        exercise: true,
        message: 'Signalement.',
        sender: marie.name,
      },
      'responders',
    ),
    notifications.notificationAttempted.draft({ id: 'n1', attempt: 1, tokenHash: hash }, 'responders'),
    notifications.notificationRetrying.draft({ id: 'n1', attempt: 1, error: '421 Service indisponible', nextAttemptAt: 1_700_000_700_000 }, 'responders'),
    notifications.notificationSent.draft({ id: 'n1', attempt: 2, response: '250 OK' }, 'responders'),
    notifications.notificationFailed.draft({ id: 'n3', attempt: 0, error: 'Aucun numéro de mobile' }, 'responders'),
  );
  by(marie, notifications.callRecorded.draft({ linkId: 'ars-corruss', contactId: 'corruss-1', contactName: 'Permanence CORRUSS', outcome: 'message_laisse', note: 'Rappel dans 10 min.' }, 'all'));
  by(director, notifications.realTestSet.draft({ enabled: true }, 'all'));
  at(25);
  by(
    systemActor,
    chain.linkOverdue.draft({ linkId: 'etab-ght', kind: 'alert', deadlineExerciseTime: minutes(15) }, 'all'),
    chain.linkOverdue.draft({ linkId: 'ars-corruss', kind: 'acknowledge', deadlineExerciseTime: minutes(25) }, 'all'),
    chain.linkRelayed.draft({ linkId: 'ars-corruss', rank: 2 }, 'all'),
    chain.linkEscalated.draft({ linkId: 'etab-ars-astreinte', backup: 'ars-direction-astreinte', newLinkId: 'etab-ars-astreinte-secours' }, 'all'),
    chain.linkAcknowledged.draft({ linkId: 'ars-corruss', from: 'ars', to: 'corruss', via: { channel: 'lien', notificationId: 'n1', contact: 'Permanence CORRUSS', reply: 'Bien reçu' } }, 'all'),
  );
  by(
    director,
    chain.actorAdded.draft({ actor: { id: 'sdis', label: 'SDIS 27 — CTA-CODIS', kind: 'simulated' } }, 'all'),
    chain.linkAdded.draft({ link: { id: 'ars-sdis', from: 'ars', to: 'sdis', channel: 'telephone', deadlineMinutes: 30, trigger: 'upstream' } }, 'all'),
    chain.linkRemoved.draft({ linkId: 'ars-sdis' }, 'all'),
  );
  by(marie, chain.factRecorded.draft({ fact: 'violation-donnees-personnelles', at: minutes(20) }, 'all'));
  by(systemActor, chain.factRecorded.draft({ fact: 'violation-donnees-personnelles', at: minutes(25), scriptedBy: 'S07' }, 'all'));
  by(director, chain.stageCompleted.draft({ linkId: 'etab-anssi-nis2', from: 'etablissement', to: 'anssi', stageId: 'notification' }, 'all'));
  by(systemActor, chain.linkOverdue.draft({ linkId: 'etab-anssi-nis2', kind: 'stage', stageId: 'rapport-final', deadlineExerciseTime: minutes(43200) }, 'all'));
  by(
    director,
    directory.contactSaved.draft({ contact: { ...corruss, id: 'corruss-2', name: 'Cadre CORRUSS', rank: 2 } }, 'responders'),
    directory.contactRemoved.draft({ id: 'corruss-2' }, 'responders'),
    directory.contactSaved.draft(redacted, 'responders'),
    directory.contactRemoved.draft(redacted, 'responders'),
    directory.directoryLoaded.draft(redacted, 'responders'),
  );

  at(30);
  const decision = entryOf('mc-decision-1', marie, 'Activation de la cellule régionale de crise.', 'decision', { finess: EVREUX, stimulusId: 'S01', alertLinkId: 'ars-prefecture' });
  by(marie, mainCourante.entryAdded.draft({ entry: decision, receipt: { receivedAt: 1_700_001_800_000, receivedExerciseTime: minutes(30), late: false } }, 'all'));
  const information = entryOf('mc-info-0001', marie, 'Le CH Eure-Seine confirme le chiffrement.', 'information');
  by(marie, mainCourante.entryAdded.draft({ entry: information, receipt: { receivedAt: 1_700_001_800_000, receivedExerciseTime: minutes(30), late: true } }, 'all'));
  by(
    paul,
    mainCourante.entryFlagged.draft(
      {
        flag: { id: 'flag-0000001', entryId: information.id, sessionId: paul.sessionId, author: paul.name, role: 'player', cell: 'prefecture', flaggedAt: 1_700_001_900_000 },
        entry: information,
        receivedAt: 1_700_001_800_000,
      },
      'all',
    ),
  );
  by(
    marie,
    mainCourante.entryVerified.draft(
      {
        verification: {
          id: 'verif-000001',
          entryId: information.id,
          status: 'verifiee',
          sessionId: marie.sessionId,
          author: marie.name,
          role: 'player',
          cell: 'ars',
          verifiedAt: 1_700_001_900_000,
          verifiedExerciseTime: minutes(31),
        },
        entry: information,
      },
      'all',
    ),
  );
  by(
    marie,
    decisions.decisionRecorded.draft({ id: 'D1', title: 'Plan blanc au CH Eure-Seine', rationale: 'SIH indisponible.', cell: 'ars', supersedes: null, actionIds: ['A1'] }, 'all'),
    decisions.actionCreated.draft(
      {
        id: 'A1',
        title: 'Informer le COD',
        details: '',
        ownerCell: 'prefecture',
        ownerName: null,
        due: { clock: 'exercise', at: minutes(45) },
        priority: 'haute',
        source: { kind: 'decision', id: 'D1' },
      },
      'all',
    ),
  );
  by(
    marie,
    mainCourante.entryAdded.draft(
      {
        entry: { ...entryOf('decision-D1', marie, '[D1] Plan blanc au CH Eure-Seine — Motif : SIH indisponible. — Actions : A1 Informer le COD (prefecture)', 'decision'), significant: false },
        receipt: { receivedAt: 1_700_001_800_000, receivedExerciseTime: minutes(30), late: false },
      },
      'all',
    ),
  );
  by(marie, decisions.decisionRecorded.draft({ id: 'D2', title: 'Plan blanc étendu au GHT', rationale: '', cell: null, supersedes: 'D1', actionIds: [] }, 'all'));
  by(
    paul,
    decisions.actionStatusChanged.draft({ id: 'A1', status: 'en_cours', reason: null }, 'all'),
    decisions.actionCommented.draft({ id: 'A1', text: 'COD joint à 10 h 12.' }, 'all'),
    decisions.actionReassigned.draft({ id: 'A1', ownerCell: 'ars', ownerName: 'Marie Dupont' }, 'all'),
    decisions.actionDueChanged.draft({ id: 'A1', due: { clock: 'exercise', at: minutes(50) } }, 'all'),
    decisions.actionDueChanged.draft({ id: 'A1', due: null }, 'all'),
  );
  by(director, decisions.actionOthersAllowed.draft({ id: 'A1', allowed: true }, 'all'), decisions.actionOthersAllowed.draft({ id: 'A1', allowed: false }, 'all'));
  by(systemActor, decisions.actionOverdue.draft({ id: 'A1', due: { clock: 'exercise', at: minutes(30) } }, 'all'));
  by(marie, decisions.actionStatusChanged.draft({ id: 'A1', status: 'faite', reason: null }, 'all'), decisions.actionStatusChanged.draft({ id: 'A1', status: 'a_faire', reason: null }, 'all'));
  by(marie, decisions.actionStatusChanged.draft({ id: 'A1', status: 'abandonnee', reason: 'Le COD est déjà ouvert.' }, 'all'));

  at(40);
  by(marie, comms.draftCreated.draft({ draftId: 'd1', kind: 'elements_langage', title: 'Standard du CH' }, 'all'), comms.draftSubmitted.draft({ draftId: 'd1', cycle: 1 }, 'all'));
  by(systemActor, comms.draftSealed.draft({ draftId: 'd1', cycle: 1, hash, text: 'Le standard répond.' }, 'all'));
  by(paul, comms.changesRequested.draft({ draftId: 'd1', cycle: 1, comments: 'Ajouter le numéro vert.' }, 'all'));
  by(marie, comms.draftSubmitted.draft({ draftId: 'd1', cycle: 1 }, 'all'));
  by(paul, comms.draftValidated.draft({ draftId: 'd1', number: 1, hash, text: 'Le standard répond.' }, 'all'));
  by(paul, comms.draftPublished.draft({ draftId: 'd1', number: 1, kind: 'elements_langage', title: 'Standard du CH', hash, text: 'Le standard répond.' }, 'all'));
  by(marie, comms.draftReopened.draft({ draftId: 'd1', cycle: 2 }, 'all'));
  by(marie, comms.draftCreated.draft({ draftId: 'd2', kind: 'note_aux_elus', title: 'Note aux élus de l’Eure', joint: true }, 'all'), comms.jointSet.draft({ draftId: 'd2', joint: false }, 'all'));
  by(paul, comms.jointSet.draft({ draftId: 'd2', joint: true }, 'all'), comms.draftSubmitted.draft({ draftId: 'd2', cycle: 1 }, 'all'));
  by(systemActor, comms.draftSealed.draft({ draftId: 'd2', cycle: 1, hash, text: 'Les élus sont informés.' }, 'all'));
  by(marie, comms.jointApproved.draft({ draftId: 'd2', cycle: 1, hash, cell: 'ars' }, 'all'));
  by(paul, comms.changesRequested.draft({ draftId: 'd2', cycle: 1, comments: 'Citer le numéro vert.' }, 'all'), comms.draftSubmitted.draft({ draftId: 'd2', cycle: 1 }, 'all'));
  by(
    systemActor,
    comms.jointApprovalVoided.draft({ draftId: 'd2', cells: ['ars'], hash }, 'all'),
    comms.draftSealed.draft({ draftId: 'd2', cycle: 1, hash: 'b'.repeat(64), text: 'Numéro vert.' }, 'all'),
  );
  by(paul, comms.jointApproved.draft({ draftId: 'd2', cycle: 1, hash: 'b'.repeat(64), cell: 'prefecture' }, 'all'));
  by(
    marie,
    comms.jointApproved.draft({ draftId: 'd2', cycle: 1, hash: 'b'.repeat(64), cell: 'ars' }, 'all'),
    comms.draftValidated.draft({ draftId: 'd2', number: 1, hash: 'b'.repeat(64), text: 'Numéro vert.', joint: true }, 'all'),
  );
  by(paul, rumours.rumourRecorded.draft({ id: 'r1', text: 'Les urgences d’Évreux seraient fermées.', channel: 'reseaux_sociaux', source: 'Compte anonyme', seenMinutesAgo: 5 }, 'all'));
  by(marie, rumours.rumourDenied.draft({ id: 'r1', text: 'Les urgences sont ouvertes.', draftId: 'd1', version: 1 }, 'all'));

  at(55);
  by(systemActor, sitrep.sitrepReminder.draft({ dueAt: minutes(60) }, 'all'));
  const now = { wallTime: 1_700_003_300_000, exerciseTime: r.exerciseTime };
  by(marie, sitrep.sitrepOpened.draft({ n: 1, at: now, snapshot: buildSnapshot(r.state, now, decisionsOf(r.state)) }, 'all'), sitrep.sitrepSubmitted.draft({ n: 1 }, 'all'));
  by(paul, sitrep.sitrepRejected.draft({ n: 1, reason: 'Ajouter les lits perdus.' }, 'all'));
  at(61);
  by(systemActor, sitrep.sitrepLate.draft({ dueAt: minutes(60) }, 'all'));
  by(marie, sitrep.sitrepSubmitted.draft({ n: 1 }, 'all'));
  by(paul, sitrep.sitrepValidated.draft({ n: 1 }, 'all'));
  by(systemActor, sitrep.sitrepFrozen.draft({ n: 1, text: 'Synthèse.', hash }, 'all'));
  by(paul, sitrep.sitrepSent.draft({ n: 1, to: 'cod' }, 'all'));
  by(marie, organisation.mobilisationSet.draft({ level: 'niveau-3', previous: 'veille', note: 'Deux CH touchés' }, 'all'), organisation.crapsActivated.draft({}, 'all'));
  by(marie, organisation.functionAssigned.draft({ function: 'main-courante', holder: { name: 'Claire Martin', sessionId: null } }, 'all'));
  by(marie, organisation.functionAssigned.draft({ function: 'main-courante', holder: null }, 'all'), organisation.crapsDeactivated.draft({}, 'all'));
  by(paul, organisation.codOpened.draft({}, 'all'), organisation.codClosed.draft({}, 'all'));

  at(70);
  by(eva, evaluation.actionObserved.draft({ stimulusId: 'S01', actionId: 'S01-r1', comment: 'Fait à temps' }, 'staff'));
  by(eva, evaluation.actionObserved.draft({ stimulusId: 'grille', actionId: 'G-art-1', comment: '' }, 'staff'));
  by(eva, evaluation.observationCommented.draft({ stimulusId: 'grille', actionId: 'G-art-1', comment: 'Vu au point de 10 h' }, 'staff'));
  by(eva, evaluation.observationRetracted.draft({ stimulusId: 'S01', actionId: 'S01-r1', reason: 'Mauvaise ligne' }, 'staff'));
  by(eva, evaluation.objectiveScored.draft({ objectiveId: 'alerte', score: 3, comment: 'Préfecture alertée tard.' }, 'staff'));
  by(
    eva,
    evaluation.observationAdded.draft({ text: 'Point de situation clair.', objectiveId: null }, 'staff'),
    evaluation.observationAdded.draft({ text: 'Bonne chaîne.', objectiveId: 'alerte' }, 'staff'),
  );
  by(systemActor, stimuli.stimulusCancelled.draft({ id: 'S06' }, 'director'));

  at(80);
  by(director, clock('pause', 'paused'), clock('resume', 'running'));
  by(director, clock('jump', 'running', 10, minutes(120)));
  at(120);
  by(director, clock('jump', 'running', 10, minutes(100)));
  at(180);
  by(director, clock('end', 'ended'));
  by(director, retexReleased.draft({}, 'all'));
  by(systemActor, archiveSealed.draft({ docs: [{ name: 'main-courante', sha256: hash, bytes: 1024 }] }, 'director'));
  return { room: r, events: r.events };
}
