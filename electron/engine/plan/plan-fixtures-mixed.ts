import type { AdAction, NedapAction, Plan } from '../model/plan';
import { summarisePlan } from '../model/plan';

/** One AD create and one Nedap create with its duties: a plan with both targets, for unit tests. */
export function mixedPlan(): Plan {
  const ad: AdAction = {
    id: '0001-create-1003',
    target: 'ad',
    action: 'create',
    personId: '1003',
    account: { dn: 'CN=Jan Berg,OU=Users,DC=test,DC=local', sAMAccountName: 'j.berg', objectGuid: null },
    changes: [{ attribute: 'sAMAccountName', before: null, after: 'j.berg' }],
    entitlement: null,
    reasons: ['contract 1003_1_1 starts 2026-12-01'],
    dependsOn: [],
  };
  const account = { identificationNo: '1003-1', employeeObjectId: 7, userUuid: null, userName: '1003-1' };
  const create: NedapAction = {
    id: '0002-create-user-1003-1',
    target: 'nedap-ons',
    action: 'create-user',
    personId: '1003',
    account,
    changes: [{ attribute: 'userName', before: null, after: '1003-1' }],
    set: null,
    reasons: ['contract 1003_1 in condition'],
    dependsOn: [],
  };
  const duties: NedapAction = {
    ...create,
    id: '0003-set-duties-1003-1',
    action: 'set-duties',
    changes: [{ attribute: 'roles', before: [], after: ['Wijkverpleging'] }],
    set: ['ea9e0f20-2232-4087-9a43-8f894e79b6f0'],
    reasons: ['rule "Zorg" grants role Wijkverpleging'],
    dependsOn: [create.id],
  };
  const actions = [ad, create, duties];
  return { planId: 'p1', asOf: '2026-11-30', createdAt: '2026-11-30T08:00:00.000Z', summary: summarisePlan(actions), actions, unmanaged: [], held: [], findings: [] };
}
