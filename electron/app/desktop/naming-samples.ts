import type { PersonName } from '../../engine/model/person';
import type { Provisioner } from '../provisioner';
import type { NamingSampleDto } from '../../shared/dto';

/**
 * The naming preview of Settings: what the naming convention in the form makes of a few sample
 * names, through the same function as `cli naming --person` (Provisioner.namingSample).
 */

const name = (fields: Partial<PersonName> & Pick<PersonName, 'givenName' | 'familyName'>): PersonName => ({
  initials: `${fields.givenName.slice(0, 1)}.`, nickname: fields.givenName, familyNamePrefix: '', partnerName: '', partnerNamePrefix: '', convention: 'B', ...fields,
});

/** Sample names with the cases Dutch naming has to get right: prefixes, partner names, diacritics, hyphens. */
export const SAMPLE_NAMES: readonly PersonName[] = [
  name({ givenName: 'Jan', familyNamePrefix: 'van den', familyName: 'Berg' }),
  name({ givenName: 'Maria', familyNamePrefix: 'de', familyName: 'Vries', partnerName: 'Jansen', convention: 'PB' }),
  name({ givenName: 'Johanna', nickname: 'Anneke', initials: 'J.', familyName: 'Bakker', partnerNamePrefix: 'van', partnerName: 'Dijk', convention: 'BP' }),
  name({ givenName: 'Özlem', familyName: 'Yılmaz-Şahin' }),
  name({ givenName: 'Pieter-Jan', familyNamePrefix: "'t", familyName: 'Hart', partnerName: 'Smit', convention: 'P' }),
];

/** The name as HR has it, in words: "Maria de Vries, partner Jansen (PB)". */
export function describeSample(sample: PersonName): string {
  const birth = [sample.nickname || sample.givenName, sample.familyNamePrefix, sample.familyName].filter(Boolean).join(' ');
  const partner = [sample.partnerNamePrefix, sample.partnerName].filter(Boolean).join(' ');
  return partner ? `${birth}, partner ${partner}` : birth;
}

/** What the convention of `provisioner`'s configuration makes of every sample name. */
export function namingSamples(provisioner: Provisioner, samples: readonly PersonName[] = SAMPLE_NAMES): readonly NamingSampleDto[] {
  return samples.map((sample) => {
    const names = provisioner.namingSample(sample, 3);
    return {
      name: describeSample(sample),
      convention: sample.convention,
      displayName: names.displayName,
      cn: names.cn[0] ?? '',
      sAMAccountName: names.sAMAccountName,
      userPrincipalName: names.userPrincipalName[0] ?? '',
      mail: names.mail[0] ?? '',
    };
  });
}
