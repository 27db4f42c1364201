import { z } from 'zod';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { ActorId } from '../alert-chain/template.js';
import { OnCallSlot } from './on-call.js';

/** A contact's id in the room's directory: `cert-sante-1`, or any id the director's form chose. */
export const ContactId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'identifiant de contact attendu (a-z, 0-9, -)');

/** E.164 (`+33612345678`): what the SMS gateway and the dial link take. */
export const E164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'numéro au format international attendu (+33…)');

/**
 * A person to call for an actor of the alert chain, from the crisis directory (annuaire de crise). Personal
 * data: only the director and the players see it (visibility `responders`), never observers, evaluators or a
 * released RETEX, and an archive leaves it out (docs/alert-chain.md).
 */
export const Contact = z.object({
  id: ContactId,
  /** The chain's actor this person answers for (`corruss`, `cert-sante`, `ars-astreinte`…). */
  actor: ActorId,
  name: z.string().trim().min(1, 'le nom est obligatoire').max(120),
  function: z.string().trim().max(160).default(''),
  email: z.email('adresse de courriel invalide').max(254).nullable(),
  mobile: E164.nullable(),
  landline: E164.nullable(),
  /** 1 = called first, then 2, 3… (backups of the same actor). */
  rank: z.number().int().min(1).max(99),
  /** When this person is on call (astreinte); empty: always. */
  onCall: z.array(OnCallSlot).max(14).default([]),
  /** Takes part in an exercise's real alert-chain test (opt-in): only such contacts get real messages in an exercise. */
  exercise: z.boolean().default(false),
});
export type Contact = z.infer<typeof Contact>;

/** The directory as a whole: at most 500 contacts, ids unique, one contact per (actor, rank). */
export const ContactList = z
  .array(Contact)
  .max(500)
  .superRefine((contacts, ctx) => {
    const ids = new Set<string>();
    const ranks = new Set<string>();
    contacts.forEach((c, i) => {
      if (ids.has(c.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `identifiant en double « ${c.id} »` });
      const rank = `${c.actor}#${c.rank}`;
      if (ranks.has(rank)) ctx.addIssue({ code: 'custom', path: [i, 'rank'], message: `deux contacts de rang ${c.rank} pour « ${c.actor} »` });
      ids.add(c.id);
      ranks.add(rank);
    });
  });

/**
 * A phone number as people write it (`06 12 34 56 78`, `+33 6 12…`, `0033…`) → E.164, French by default;
 * null when it is not a valid number.
 */
export function toE164(text: string): string | null {
  const trimmed = text.trim().replace(/^00/, '+');
  if (trimmed === '') return null;
  const parsed = parsePhoneNumberFromString(trimmed, 'FR');
  return parsed?.isValid() ? parsed.number : null;
}

/** `+33 6 12 34 56 78`, for reading on screen and dialling by hand. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
