import { attributeCandidates, firstCandidates } from '../policy/name-candidates';
import type { DesiredAccount } from './desired';

/** What `naming` shows for a sample person: the first candidates of each attribute, as if nothing were taken. */
export interface NamingSample {
  readonly sAMAccountName: readonly string[];
  readonly userPrincipalName: readonly string[];
  readonly mail: readonly string[];
  readonly cn: readonly string[];
  readonly displayName: string;
}

/**
 * The first `count` candidates of every name attribute of `desired`, and its display name. UPN and
 * mail that follow the sAMAccountName list one address per sAMAccountName candidate; UPN and mail
 * with candidates of their own are shown for the first sAMAccountName.
 */
export function namingSample(desired: Pick<DesiredAccount, 'names' | 'attributes'>, count: number): NamingSample {
  const { names } = desired;
  const sams = firstCandidates(attributeCandidates(names.sAMAccountName), count);
  const addresses = (attribute: 'userPrincipalName' | 'mail'): string[] => {
    const address = names[attribute];
    const locals = address.followsSam ? sams : firstCandidates(attributeCandidates(address.spec(sams[0] ?? '')), count);
    return locals.map((local) => `${local}@${address.domain}`);
  };
  return {
    sAMAccountName: sams,
    userPrincipalName: addresses('userPrincipalName'),
    mail: addresses('mail'),
    cn: firstCandidates(attributeCandidates(names.cn), count),
    displayName: desired.attributes.displayName ?? '',
  };
}
