import { describe, expect, it } from 'vitest';
import type { DnssecModel } from '../../../../src/core/dns-sim/world/dnssec-model.js';
import { SIGNED_WORLD_EPOCH_SECONDS } from '../../../../src/core/dns-sim/world-config/signed-zones.js';
import { loadWith, serversYaml } from './config-fixture.js';

const load = (resolver: string, signed: string) => loadWith({ 'servers.yaml': serversYaml(resolver, signed) });
const CHAIN = 'signed_zones:\n  - zone: "."\n  - zone: com\n';
const model = (fields: Partial<DnssecModel>): DnssecModel => ({ signedZones: ['', 'com', 'example.com'], epochSeconds: SIGNED_WORLD_EPOCH_SECONDS, ...fields });

describe('signed zones and validation in servers.yaml', () => {
  it.each<[string, string, string, DnssecModel | undefined, object | undefined]>([
    ['no signed zones', '', '', undefined, undefined],
    ['a signed chain, NSEC written out', '', `${CHAIN}  - { zone: example.com, denial: nsec }\n`, model({}), undefined],
    ['expired signatures', '', `${CHAIN}  - { zone: Example.COM., fault: expired-signatures }\n`, model({ expiredZones: ['example.com'] }), undefined],
    ['a missing DS', '', `${CHAIN}  - { zone: example.com, fault: missing-ds }\n`, model({ missingDsZones: ['example.com'] }), undefined],
    ['a DS that matches no key', '', `${CHAIN}  - { zone: example.com, fault: ds-mismatch }\n`, model({ mismatchedDsZones: ['example.com'] }), undefined],
    ['validation off', '  dnssec_validation: false\n', `${CHAIN}  - { zone: example.com }\n`, model({}), { dnssecValidation: false, forwardZones: [], stubZones: [] }],
    ['a trust anchor below an unsigned root', '  trust_anchor: example.com\n', 'signed_zones:\n  - { zone: example.com }\n', { signedZones: ['example.com'], epochSeconds: SIGNED_WORLD_EPOCH_SECONDS }, { trustAnchor: 'example.com', forwardZones: [], stubZones: [] }],
    ['the root as the trust anchor', '  trust_anchor: "."\n', `${CHAIN}  - { zone: example.com }\n`, model({}), { trustAnchor: '', forwardZones: [], stubZones: [] }],
  ])('reads %s', (_name, resolver, signed, dnssec, config) => {
    const { world, errors } = load(resolver, signed);
    expect(errors).toEqual([]);
    expect(world.dnssec).toEqual(dnssec);
    expect(world.resolverConfig).toEqual(config);
  });

  it.each<[string, string, string, string[]]>([
    ['not a list', '', 'signed_zones: example.com\n', ["servers.yaml:10: 'signed_zones' must be a list of {zone, denial, iterations, salt, fault}"]],
    ['an entry that is not a mapping', '', 'signed_zones:\n  - example.com\n', ["servers.yaml:11: each entry of 'signed_zones' must be a mapping with a zone"]],
    ['an unknown key', '', 'signed_zones:\n  - { zone: com, algorithm: 8 }\n', ["servers.yaml:11: unknown field 'algorithm' (known: zone, denial, iterations, salt, fault)"]],
    ['a denial that is no method', '', 'signed_zones:\n  - { zone: com, denial: none }\n', ['servers.yaml:11: denial "none" is not nsec, nsec3, compact']],
    ['an unknown fault', '', 'signed_zones:\n  - { zone: com, fault: expired }\n', ['servers.yaml:11: fault "expired" is not expired-signatures, missing-ds, ds-mismatch']],
    ['a missing zone', '', 'signed_zones:\n  - { fault: missing-ds }\n', ["servers.yaml:11: 'zone' is missing: the origin of a zone file of the world, such as example.com or \".\""]],
    ['a zone listed twice', '', 'signed_zones:\n  - { zone: com }\n  - { zone: com. }\n', ["servers.yaml:12: zone com is listed twice in 'signed_zones'"]],
    ['a zone the world does not have', '', 'signed_zones:\n  - { zone: example.org }\n', ['servers.yaml:11: signed zone example.org is not a zone of the world (no zone file defines it)']],
    ['a DS fault under an unsigned parent', '', 'signed_zones:\n  - { zone: example.com, fault: missing-ds }\n', ['servers.yaml:11: fault missing-ds on example.com needs a signed parent zone to hold its DS, but its parent zone com is not signed']],
    ['a DS fault on the root', '', 'signed_zones:\n  - { zone: ".", fault: ds-mismatch }\n', ['servers.yaml:11: fault ds-mismatch on . needs a signed parent zone to hold its DS, but it has no parent zone in the world']],
    ['validation written as a word', '  dnssec_validation: "on"\n', '', ['servers.yaml:4: dnssec_validation "on" must be true or false']],
    ['a trust anchor that is not signed', '  trust_anchor: com\n', 'signed_zones:\n  - { zone: example.com }\n', ["servers.yaml:4: trust_anchor com is not a zone of 'signed_zones': a validator can only trust a signed zone's key"]],
    ['a trust anchor that is no name', '  trust_anchor: 42\n', '', ['servers.yaml:4: zone 42 must be a name such as "cluster.local" or "."']],
  ])('refuses %s, naming the file and line', (_name, resolver, signed, expected) => {
    expect(load(resolver, signed).errors).toEqual(expected);
  });
});
