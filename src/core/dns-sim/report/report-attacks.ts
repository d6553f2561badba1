import type { QuerySentEvent, ResponseReceivedEvent } from '../events.js';
import { combinedOdds, formatOdds, ID_SPACE } from '../attacks/poisoning.js';
import type { ReportContext } from './report-context.js';
import type { SimulationReport } from './report-types.js';
import type { SimulationResult } from '../simulation-types.js';
import { groupDigits } from '../../text/group-digits.js';

/** The poisoning race in numbers: rounds, forged packets, the odds per round by RFC 5452 section 7, and whether it worked. */
export function reportPoisoning(result: SimulationResult, context: ReportContext): SimulationReport {
  const plan = context.options.attack!;
  const floods = result.events.flatMap((event) => (event.type === 'response-received' && event.forged ? [event.forged] : []));
  const rounds = floods.length;
  const packets = floods.reduce((sum, flood) => sum + flood.packets, 0);
  const perRound = rounds > 0 ? floods.reduce((sum, flood) => sum + flood.odds, 0) / rounds : 0;
  const winner = floods.findIndex((flood) => flood.accepted);
  const victim = result.outcomes[result.outcomes.length - 1]!;
  // Each round takes intervalMs, so P_cs reaches one half after ln 2 / P_s rounds.
  const halfLifeSeconds = perRound > 0 ? (Math.log(2) / -Math.log1p(-perRound)) * (plan.intervalMs / 1000) : Infinity;
  const options = context.resolver.options;
  return {
    title: 'Cache poisoning race (RFC 5452 section 7)',
    rows: [
      { label: 'guess space', value: `transaction id 1 in ${groupDigits(ID_SPACE)}; source port ${options.sourcePortRandomisation ? 'random (1 in 64,512)' : 'fixed'}; 0x20 ${options.caseRandomisation ? 'on' : 'off'}` },
      { label: 'attack', value: `${rounds} rounds, ${groupDigits(packets)} forged answers at ${groupDigits(plan.packetsPerSecond)} per second` },
      { label: 'odds per round', value: `P_s = ${formatOdds(perRound)}; over ${rounds} rounds P_cs = ${formatOdds(combinedOdds(perRound, rounds))}` },
      { label: 'even odds after', value: formatDuration(halfLifeSeconds) },
      { label: 'result', value: winner >= 0 ? `poisoned in round ${winner + 1}: ${victim.name} now resolves to ${victim.addresses.join(', ')}` : `not poisoned: ${victim.name} resolves to ${victim.addresses.join(', ')}` },
    ],
    values: { rounds, forgedPackets: packets, perRoundOdds: perRound, combinedOdds: combinedOdds(perRound, rounds), poisoned: winner >= 0, poisonedRound: winner + 1, halfLifeSeconds },
  };
}

/** The reflection in numbers: bytes the attacker sent, bytes the victim received, the factor, and what RRL let through. */
export function reportAmplification(result: SimulationResult, context: ReportContext): SimulationReport {
  const address = context.options.reflection?.victimAddress ?? '';
  const spoofed = result.events.filter((event): event is QuerySentEvent => event.type === 'query-sent' && event.from.address === address && event.from.role === 'client');
  const replies = result.events.filter((event): event is ResponseReceivedEvent => event.type === 'response-received' && event.to.address === address && event.from.role === 'resolver');
  const bytesIn = spoofed.reduce((sum, event) => sum + event.message.sizeBytes, 0);
  const bytesOut = replies.reduce((sum, event) => sum + event.message.sizeBytes, 0);
  const full = replies.filter((event) => !event.message.flags.tc).length;
  const slipped = replies.length - full;
  const dropped = spoofed.length - replies.length;
  const factor = bytesIn > 0 ? bytesOut / bytesIn : 0;
  return {
    title: 'Amplification',
    rows: [
      { label: 'spoofed queries', value: `${spoofed.length}, ${bytesIn} bytes (${spoofed[0]?.message.sizeBytes ?? 0} each) from "${address}"` },
      { label: 'sent to the victim', value: `${bytesOut} bytes: ${full} full answers, ${slipped} truncated (slip), ${dropped} dropped` },
      { label: 'amplification', value: `${factor.toFixed(1)}x` },
    ],
    values: { queries: spoofed.length, bytesIn, bytesOut, factor, full, slipped, dropped },
  };
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'never';
  if (seconds < 120) return `${seconds.toFixed(1)} s of attack`;
  if (seconds < 7200) return `${(seconds / 60).toFixed(0)} min of attack`;
  if (seconds < 172800) return `${(seconds / 3600).toFixed(1)} hours of attack`;
  return `${(seconds / 86400).toFixed(1)} days of attack`;
}
