import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

// A fixed vocabulary with a few rare words, so generated cards look like real prose to the index.
const COMMON = 'the a of to and in is for on that with as by it be are from at or an this which each when their its not can more than one two after before every only into over under server client resolver cache record answer query name zone delegation latency timeout failover packet header flag section response request network address domain'.split(' ');
const TERMS = 'dns ttl nxdomain nodata soa glue referral anycast bgp edns dnssec rrsig dnskey nsec kubernetes coredns ndots resolv.conf getaddrinfo punycode idn cname alias mx txt spf dkim dmarc srv ptr caa svcb https quic tls doh dot odoh ecs rrl amplification poisoning kaminsky cookie rebinding tunnelling registrar registry epp axfr ixfr notify tsig prefetch coalescing serve-stale zipf poisson hit-rate load-balancing geodns weighted health-check route53 cloudflare unbound bind knot powerdns'.split(' ');

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes `count` valid cards of about 2 KB each under `dir` (once; reused when already there). */
export function generateCards(dir: string, count: number, seed = 1): string {
  const marker = join(dir, `.generated-${count}`);
  if (existsSync(marker)) return dir;
  const random = mulberry32(seed);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const rare = (i: number) => `term${i.toString(36)}${Math.floor(random() * 1000).toString(36)}`;
  const sentence = (i: number) => {
    const words = Array.from({ length: 12 + Math.floor(random() * 10) }, () => (random() < 0.2 ? pick(TERMS) : random() < 0.03 ? rare(i) : pick(COMMON)));
    return `${words.join(' ')}.`;
  };
  for (let i = 0; i < count; i++) {
    const topicDir = join(dir, `topic-${i % 20}`);
    mkdirSync(topicDir, { recursive: true });
    const paragraph = (n: number) => Array.from({ length: n }, () => sentence(i)).join(' ');
    const text = [
      '---',
      `title: "${pick(TERMS)} ${pick(TERMS)} ${pick(COMMON)} ${i}"`,
      `tags: [${pick(TERMS)}, ${pick(TERMS)}]`,
      `difficulty: ${pick(['easy', 'medium', 'hard'])}`,
      `estimated_time: ${5 + (i % 20)}min`,
      '---',
      '',
      '## Overview',
      paragraph(6),
      '',
      '## When to Use',
      paragraph(2),
      '',
      '## Trade-offs & Gotchas',
      ...Array.from({ length: 4 }, () => `- ${sentence(i)}`),
      '',
      '## Key Points for Interviews',
      ...Array.from({ length: 6 }, () => `- ${sentence(i)}`),
      '',
    ].join('\n');
    writeFileSync(join(topicDir, `card-${i}.md`), text);
  }
  writeFileSync(marker, '');
  return dir;
}
