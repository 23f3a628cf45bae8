import type { NamingCheck } from '../app/provisioner';
import type { NamingSample } from '../engine/ad/naming-sample';

/** The readable report of `naming --person`: one line per attribute, candidates in the order tried. */
export function formatNamingSample(sample: NamingSample): string {
  const rows: [string, string][] = [
    ['sAMAccountName', sample.sAMAccountName.join(', ')],
    ['userPrincipalName', sample.userPrincipalName.join(', ')],
    ['mail', sample.mail.join(', ')],
    ['cn', sample.cn.map((cn) => `"${cn}"`).join(', ')],
    ['displayName', `"${sample.displayName}"`],
  ];
  return `${rows.map(([attribute, values]) => `${attribute.padEnd(18)} ${values || '(none: the name has no usable letters)'}`).join('\n')}\n`;
}

/** The readable report of `naming --check`. */
export function formatNamingCheck(check: NamingCheck): string {
  return [
    'Under the configured naming convention:',
    `  ${check.displayName} existing account(s) would get another display name`,
    `  ${check.cn} existing account(s) would get another CN`,
    `  (${check.created} new account(s) would be created; logon names of existing accounts never change)`,
  ].join('\n') + '\n';
}
