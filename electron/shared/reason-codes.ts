/**
 * The engine writes every reason in English, for plans, history, logs and the CLI. The screens show
 * them in the admin's language: this catalogue recognises the common reasons (AD and Nedap Ons actions,
 * held actions and persons, the HR changes behind an action) and gives each a stable code with its
 * parameters, which the renderer translates (`reason.<code>` in its i18n files). A reason the catalogue
 * does not know is shown as the engine wrote it. A reason made of parts ("a; b") is recognised part
 * by part. `reason-codes.test.ts` runs the engine's own reason writers through it, so a change of
 * wording in the engine fails a test instead of silently falling back to English.
 */

/** A recognised reason: its code and its parameters (a `count` is a number, for plurals). */
export interface CodedReason {
  readonly code: ReasonCode;
  readonly params: Readonly<Record<string, string | number>>;
}

const D = '(?<date>\\d{4}-\\d{2}-\\d{2})';
const C = '(?<contract>\\S+)';
const N = '(?<count>\\d+) days?';
const E = 'employee (?<employee>\\S+)';
// A cell as the engine quotes it: 'text'.
const T = "'(?<text>[^']*)'";
// A duplicated record: "employee 100234", "contract 100234_1_1", "user U00077".
const K = '(?<thing>employee|contract|user) (?<key>\\S+)';

/** Code and whole-text pattern of each known reason; the first match wins. */
const CATALOGUE = [
  // Lifecycle (electron/engine/policy/lifecycle.ts), usually as parts of one reason.
  ['contractActiveOpen', `contract ${C} active since ${D}, no end date`],
  ['contractActiveUntil', `contract ${C} active from (?<from>\\S+) to ${D}`],
  ['contractStarts', `contract ${C} starts ${D}`],
  ['contractEnded', `contract ${C} ended ${D}`],
  ['enableBeforeStart', `enable ${N} before start`],
  ['createBeforeStartEnableFrom', `create ${N} before start, enable from ${D}`],
  ['createBeforeStartFrom', `create ${N} before start \\(from ${D}\\)`],
  ['disableAfterEndUntil', `disable ${N} after end \\(enabled until ${D}\\)`],
  ['disableAfterEnd', `disable ${N} after end`],
  ['deleteAfterEndFrom', `delete ${N} after end \\(from ${D}\\)`],
  ['deleteAfterEnd', `delete ${N} after end`],
  ['noContractsLeft', 'no contracts left in the export \\(all ended before the cut-off\\)'],
  ['noContractInCondition', 'no contract in condition'],
  // AD actions (electron/engine/plan/ad-actions.ts, ad-decide.ts, ad-groups.ts, electron/engine/ad/desired.ts).
  ['noAccountCarries', 'no account carries employeeID (?<ids>.+)'],
  ['ouDefault', `org unit (?<orgUnit>.+) of primary contract ${C} has no OU of its own: default users OU`],
  ['ouMapped', `org unit (?<orgUnit>.+) of primary contract ${C} maps to (?<ou>.+)`],
  ['createdDisabled', 'created disabled'],
  ['ruleMatches', 'rule "(?<rule>[^"]*)" matches contract (?<contracts>.+)'],
  ['parkedInDisabledOu', 'disabled accounts are parked in the disabled OU'],
  ['backFromDisabledOu', 'the account is in use again: back from the disabled OU'],
  ['stampCleared', 'the account is in use again: the disable stamp is cleared'],
  ['managerCreatedHere', 'manager is person (?<person>\\S+), whose account is created in this plan'],
  ['manager', 'manager is person (?<person>\\S+)'],
  ['staysDisabled', 'the account stays disabled until the enable date'],
  ['employeeIdBecomes', 'employeeID becomes person id (?<person>\\S+) \\(the lowest employee id\\)'],
  ['hrDataChangedContract', `HR data changed: (?<attributes>.+) \\(primary contract ${C}\\)`],
  ['hrDataChanged', 'HR data changed: (?<attributes>.+)'],
  ['descriptionTemplate', 'description follows its template'],
  ['followsMapping', '(?<attribute>\\S+) follows its mapping: (?<how>.+)'],
  ['emptyFromSam', '(?<attribute>\\S+) was empty: set from the sAMAccountName'],
  ['retiredStamped', 'the account is retired: description stamped'],
  ['ruleGranted', `rule "(?<rule>[^"]*)" granted it on ${D}`],
  ['appGranted', `the app granted it on ${D}`],
  ['appAdopted', `the app adopted it on ${D} \\((?:rule "(?<rule>[^"]*)"|the app) granted it\\)`],
  ['noRuleGrantsIt', 'no rule grants it any more'],
  ['ruleGone', 'that rule is no longer configured'],
  ['revokedOnRetire', 'groups the app granted are revoked when the account is retired'],
  // Nedap Ons (electron/engine/plan/nedap-plan.ts, electron/engine/nedap-ons/desired.ts).
  ['nedapDeleteUsersOn', 'nedapOns\\.deleteUsers is on'],
  ['nedapNoUser', 'no Nedap Ons user is linked to employee (?<employee>\\S+)'],
  ['nedapNoDisable', 'Nedap Ons has no disable: what this app granted is revoked'],
  ['nedapNoRuleGrants', 'no rule grants (?<what>roles|teams|locations) any more'],
  ['nedapMapping', `(?<what>\\S+) mapping (?<key>.+) \\(contract ${C}\\)`],
  // Held for review and held persons (electron/engine/plan/limits.ts, ad-decide.ts, model/person.ts).
  ['overLimit', '(?<count>\\d+) (?<kinds>\\S+) in (?<target>Active Directory|Nedap Ons|AD), more than the (?<allowed>\\d+) allowed \\((?<limit>.+)\\): held for review'],
  ['waitsFor', 'waits for action (?<action>\\S+), which is held for review'],
  ['hrUnreadableNothingWaits', 'HR data for employee (?<employee>\\S+) is unreadable \\((?<doubts>.+)\\); no action depends on it, so nothing waits'],
  ['hrUnreadablePartly', 'HR data for employee (?<employee>\\S+) is unreadable \\((?<doubts>.+)\\); what it could change waits until HR corrects it \\((?<waiting>[^()]+)\\); the rest proceeds'],
  ['hrUnreadable', 'HR data for employee (?<employee>\\S+) is unreadable \\((?<doubts>.+)\\); nothing is changed for this person until HR corrects it'],
  ['doubtNoDate', "(?<dataset>\\w+) row (?<row>\\d+): (?<column>\\S+) '(?<text>[^']*)' is no date"],
  ['doubtEmpty', "(?<dataset>\\w+) row (?<row>\\d+): (?<column>\\S+) '(?<text>[^']*)' is empty"],
  ['doubtBeforeStart', `(?<dataset>\\w+) row (?<row>\\d+): (?<column>\\S+) '(?<text>[^']*)' is before the start date ${D}`],
  // Findings about the HR data (electron/engine/visma/rows.ts, rows-dedupe.ts, normalise-name.ts).
  ['findNoFamilyName', `${E} has neither a birth name nor a partner name; the person is held until HR corrects it`],
  ['findNoNameUsage', `${E} has no name usage; the own name \\(B\\) is used`],
  ['findUnknownNameUsage', `${E} has an unknown name usage ${T}; the own name \\(B\\) is used`],
  ['findNoBirthName', `${E} has no birth name; the partner name '(?<name>[^']*)' is used \\(name usage P\\)`],
  ['findNoPartnerName', `${E} has name usage (?<usage>\\S+) but no partner name; the own name \\(B\\) is used`],
  ['findNoGivenName', `${E} has neither a first name nor a nickname \\(initials '(?<initials>[^']*)'\\); names that need a given name will be incomplete`],
  ['findEmployeeRowNoId', `a row in the employees export has no employee id \\(name '(?<name>[^']*)'\\); the row is ignored`],
  ['findBadDateOfBirth', `${E} has an unreadable date of birth ${T}; the person is held until HR corrects it`],
  ['findContractRowNoId', `a row in the contracts export has no employee id \\(contract ${C}\\); the contract is ignored`],
  ['findNoStartDate', `contract ${C} has no start date; the person is held until HR corrects it`],
  ['findBadStartDate', `contract ${C} has an unreadable start date ${T}; the person is held until HR corrects it`],
  ['findBadEndDate', `contract ${C} has an unreadable end date ${T}; the person is held until HR corrects it`],
  ['findEndBeforeStart', `contract ${C} ends ${D}, before it starts (?<start>\\d{4}-\\d{2}-\\d{2}); the person is held until HR corrects it`],
  ['findBadHours', `contract ${C} has unreadable weekly hours ${T}; the hours are treated as unknown`],
  ['findHoursOutOfRange', `contract ${C} has weekly hours ${T}, outside 0-(?<max>\\d+); the hours are treated as unknown`],
  ['findDuplicateCopy', `${K} appears more than once in the (?<dataset>\\w+) export with identical data; the copy is ignored`],
  ['findDuplicateLastRow', `${K} appears in (?<count>\\d+) different versions in the (?<dataset>\\w+) export; none has an existencestartutc, so the last row in the file is used`],
  ['findDuplicateLatest', `${K} appears in (?<count>\\d+) different versions in the (?<dataset>\\w+) export; the row with the latest existencestartutc \\((?<stamp>[^)]+)\\) is used`],
  ['findUnmatchableMaybe', `${E} has no readable (?<missing>.+?), so it cannot be matched with other employee records of the same person; the person is held until HR corrects it \\(it may be employee (?<candidates>.+), who is held too\\)`],
  ['findUnmatchable', `${E} has no readable (?<missing>.+?), so it cannot be matched with other employee records of the same person; the person is held until HR corrects it`],
  ['findSameButFirstName', 'employees (?<ids>.+) share initials, gender, date of birth and birth name but not the first name \\((?<names>.+)\\); they are kept apart as different persons\\. If they are one person, link them in the configuration \\(links\\.same\\); if they are different persons, say so with links\\.separate to silence this warning'],
  // Findings of the AD planner (electron/engine/plan/ad-decide.ts, ad-actions.ts).
  ['findNoFreeName', 'person (?<person>\\S+): no free (?<attribute>\\S+) for (?<name>.+) \\(every candidate of the naming convention is taken\\); no account is created'],
  ['findNoLatinLetters', 'person (?<person>\\S+): the name (?<name>.+) has no Latin letters \\(nor letters that transliterate to them\\), so no logon name can be made; no account is created'],
  ['findManagerNoAccount', 'person (?<person>\\S+): manager (?<manager>\\S+) has no \\(single, managed or unmanaged\\) AD account; the manager attribute is left as it is'],
  // Undo (electron/engine/plan/undo-plan.ts).
  ['undoNedapSet', 'undo of run (?<run>\\S+), action (?<action>\\S+) \\((?<kind>\\S+) (?<account>[^)]+)\\): the set recorded before it is written back'],
  ['undoOf', 'undo of run (?<run>\\S+), action (?<action>\\S+) \\((?<kind>\\S+) (?<account>[^)]+)\\)'],
  ['neverUsed', 'the account was never used'],
  // HR changes behind an action (electron/engine/history/hr-changes.ts).
  ['hrContractStartsIn', `contract ${C} starts ${D} in org unit (?<orgUnit>.+)`],
  ['hrEnds', `ends ${D}`],
  ['hrEndsNever', 'ends never'],
  ['hrEnded', `ended ${D}`],
  ['hrOrgUnit', `org unit (?<from>.+) → (?<to>.+) on contract ${C}, effective ${D}`],
  ['hrFunction', `function (?<from>.+) → (?<to>.+) on contract ${C}, effective ${D}`],
  ['hrNoEndDate', `contract ${C} no longer has an end date \\(was (?<was>\\S+)\\)`],
  ['hrContractEndsWas', `contract ${C} ends ${D} \\(was (?<was>\\S+)\\)`],
  ['hrContractEndedWas', `contract ${C} ended ${D} \\(was (?<was>\\S+)\\)`],
  ['hrContractEnds', `contract ${C} ends ${D}`],
  ['hrNowStarts', `contract ${C} now starts ${D} \\(was (?<was>\\S+)\\)`],
  ['hrContractGone', `contract ${C} is no longer in the export`],
  ['hrName', 'name (?<from>.+) → (?<to>.+)'],
  ['hrPersonGone', 'no longer in the HR export'],
] as const;

/** The codes of the known reasons. */
export type ReasonCode = (typeof CATALOGUE)[number][0];

/** Every code, for the test that each has a translation. */
export const REASON_CODES: readonly ReasonCode[] = CATALOGUE.map(([code]) => code);

const COMPILED = CATALOGUE.map(([code, pattern]) => [code, new RegExp(`^${pattern}$`, 'u')] as const);

/** The code and parameters of one reason (or one part of it); null when the catalogue does not know it. */
export function codeReason(text: string): CodedReason | null {
  for (const [code, pattern] of COMPILED) {
    const match = pattern.exec(text);
    if (!match) continue;
    const params: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(match.groups ?? {})) {
      if (value !== undefined) params[name] = name === 'count' ? Number(value) : value;
    }
    return { code, params };
  }
  return null;
}

/**
 * A reason as the screens show it: the whole text when the catalogue knows it, else each "; "
 * part on its own (known or not), joined again. `translate` gets each recognised part.
 */
export function translateReason(text: string, translate: (coded: CodedReason, english: string) => string): string {
  const whole = codeReason(text);
  if (whole) return translate(whole, text);
  const parts = text.split('; ');
  if (parts.length === 1) return text;
  return parts.map((part) => {
    const coded = codeReason(part);
    return coded ? translate(coded, part) : part;
  }).join('; ');
}
