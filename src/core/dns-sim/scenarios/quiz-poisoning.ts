import { formatOdds } from '../attacks/poisoning.js';
import { lookupStart, outcomeOf } from './moment-events.js';
import { moment, type Moment, type ScenarioQuiz } from './moment-types.js';
import type { ScenarioId } from './scenario-types.js';

const FORGED_ADDRESS = '203.0.113.66';
const FLOOD = 'Each round the attacker makes the resolver look up a new random name under bank-example.com and, within 80 ms, floods it with 4,000 forged answers, each claiming the zone\'s name server is at 203.0.113.66.';

// The chance one round's 4,000 forgeries win (RFC 5452 section 7): the ID, 1 of 2 servers, and whatever else must match.
const ROUND_ODDS = [4000 / (2 * 65536), 4000 / 65536 / 2 / 64512, 4000 / 65536 / 2 / 2 ** 15, 4000 / 65536];

/** The odds of one round of forgeries, asked before the flood lands. */
function odds(resolver: string, why: string): Moment {
  return moment({
    id: 'odds', kind: 'response-received',
    when: (event) => event.forged !== undefined,
    ask: `${resolver} ${FLOOD} What is the chance that one of a round's 4,000 forgeries is accepted?`,
    options: (event) => {
      const right = formatOdds(event.forged!.odds);
      return { right: `about ${right}`, wrong: ROUND_ODDS.map(formatOdds).filter((other) => other !== right).map((other) => `about ${other}`), tells: [right] };
    },
    why,
  });
}

/** The victim's lookup after the attack: the bank's address or the attacker's. */
function victim(resolver: string, why: string): Moment {
  return moment({
    id: 'victim', kind: 'lookup-finished',
    when: (event) => event.to.role === 'client',
    askAt: lookupStart,
    contextEvents: 0,
    ask: `${resolver} ${FLOOD} The attack runs 40 rounds. Then a customer looks up www.bank-example.com through the resolver. Which address does it get?`,
    options: (event, run) => {
      const outcome = outcomeOf(event, run);
      const address = outcome.addresses.join(', ');
      const forged = `${FORGED_ADDRESS}, the attacker's: a forged delegation was cached`;
      const real = `the bank's real address${outcome.poisoned ? '' : `, ${address}`}: every forgery was dropped`;
      return {
        right: outcome.poisoned ? forged : real,
        wrong: [outcome.poisoned ? real : forged, 'SERVFAIL: the resolver notices the flood and stops answering', 'NXDOMAIN: the forged answers said the name does not exist'],
        tells: [address],
      };
    },
    why,
  });
}

const FIXED_PORT = 'A resolver sends every query from the same source port.';
const RANDOM_PORT = 'A resolver picks a random source port for every query.';
const MIXED_CASE = 'A resolver sends every query from the same source port but writes the letters of each name in random case (0x20), and a reply must echo that case.';

/** The quiz of the poisoning scenarios: the odds of a Kaminsky race under each defence, and bailiwick scrubbing. */
export const POISONING_QUIZ = {
  'poisoning-txid-only': {
    name: 'A forgery race against a fixed source port',
    moments: [
      odds(FIXED_PORT, 'Only the 16-bit transaction ID and which of 2 servers was asked stand in the way: 4000 / (2 x 65536) is about 3% a round (RFC 5452 section 7).'),
      victim(FIXED_PORT, 'At about 3% a round, one of 40 rounds is likely to win; the winning forgery replaces the zone\'s delegation, and every later lookup in bank-example.com goes to the attacker.'),
    ],
  },
  'poisoning-port-random': {
    name: 'A forgery race against random source ports',
    moments: [
      odds(RANDOM_PORT, 'A random port multiplies what must be guessed by about 64,512: 4000 / (2 x 65536 x 64512) is about 1 in 2 million a round (RFC 5452 section 9.2).'),
      victim(RANDOM_PORT, 'At about 1 in 2 million a round, 40 rounds all fail; the resolver keeps the real delegation and the customer gets the bank\'s own address.'),
    ],
  },
  'poisoning-0x20': {
    name: 'A forgery race against 0x20 case mixing',
    moments: [
      odds(MIXED_CASE, 'Each of the 15 letters of r0001.bank-example.com doubles what must be guessed: 3% a round becomes about 1 in a million.'),
      victim(MIXED_CASE, 'At about 1 in a million a round, 40 rounds all fail, without touching the ports: the customer gets the bank\'s own address.'),
    ],
  },
  'bailiwick-scrubbing': {
    name: 'An answer with an extra record for another zone',
    moments: [
      moment({
        id: 'out-of-zone', kind: 'cache-stored',
        when: (event, before) => before.some((other) => other.type === 'response-received' && other.queryIndex === event.queryIndex && other.from.role === 'authoritative' && other.message.additional.some((record) => record.name.replace(/\.$/, '') === 'www.example.com')),
        ask: `ns1.evil-example.net, asked about www.evil-example.net, answers it and slips "www.example.com A ${FORGED_ADDRESS}" into the additional section. What does the resolver cache?`,
        options: () => ({
          right: 'www.evil-example.net A only: the www.example.com record is thrown away',
          wrong: ['both records, each for its own TTL', 'nothing: an answer with a foreign record is rejected whole', 'both, but www.example.com only until its own servers are asked'],
          tells: ['discarded'],
        }),
        why: 'A server is trusted only for the zone it was asked about (its bailiwick); records for other zones in its answer are discarded, which stops this old way to poison a cache.',
      }),
      moment({
        id: 'later-lookup', kind: 'lookup-finished',
        when: (_event, before) => before.some((other) => other.type === 'lookup-finished'),
        askAt: lookupStart,
        contextEvents: 0,
        ask: `A minute ago ns1.evil-example.net slipped "www.example.com A ${FORGED_ADDRESS}" into its answer about www.evil-example.net. Now the application looks up www.example.com through the same resolver. Which address does it get?`,
        options: (event, run) => {
          const address = outcomeOf(event, run).addresses.join(', ');
          return {
            right: `${address}, from example.com's own servers`,
            wrong: [`${FORGED_ADDRESS}, from the cache`, 'SERVFAIL: the resolver no longer trusts example.com', 'both addresses'],
            tells: [address],
          };
        },
        why: 'The slipped-in record was never cached, so the lookup walks to example.com\'s own servers and gets the real address.',
      }),
    ],
  },
} satisfies Partial<Record<ScenarioId, ScenarioQuiz>>;
