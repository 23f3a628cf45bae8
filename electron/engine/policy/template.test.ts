import { describe, expect, it } from 'vitest';
import { contract, person } from '../plan/ad-plan.fixtures';
import { personTemplateValues, renderTemplate } from './template';

describe('renderTemplate', () => {
  it('substitutes placeholders and collapses the gaps empty values leave', () => {
    expect(renderTemplate('{givenName} {prefix} {sn} ({employeeID})', { givenName: 'Jan', prefix: '', sn: 'Jansen', employeeID: '100234' })).toEqual({
      ok: true,
      value: 'Jan Jansen (100234)',
    });
  });

  it('refuses unknown placeholders instead of rendering them empty', () => {
    expect(renderTemplate('{givenName} {snn}', { givenName: 'Jan' })).toEqual({ ok: false, error: 'unknown placeholder {snn}' });
    expect(renderTemplate('{constructor} {__proto__}', {})).toEqual({ ok: false, error: 'unknown placeholders {constructor}, {__proto__}' });
  });

  it('renders an absent custom field as empty', () => {
    expect(renderTemplate('{custom.Locatie}-x', { 'custom.Team': 'Blue' })).toEqual({ ok: true, value: '-x' });
    expect(renderTemplate('{custom.Team}', { 'custom.Team': 'Blue' })).toEqual({ ok: true, value: 'Blue' });
  });

  it('evaluates nothing', () => {
    expect(renderTemplate('{1+1} ${givenName}', { givenName: 'x' })).toEqual({ ok: false, error: 'unknown placeholder {1+1}' });
  });
});

describe('personTemplateValues', () => {
  it('offers person and primary-contract fields, contract custom fields over person ones', () => {
    const primary = contract({ id: '100234_1_1', custom: { Locatie: 'Utrecht' }, costCenter: { id: 'K1', name: 'Wijk' } });
    const values = personTemplateValues(person({ contracts: [primary], custom: { Locatie: 'Zeist', Team: 'Blue' } }), primary);
    expect(values).toMatchObject({
      personId: '100234',
      contractId: '100234_1_1',
      orgUnitId: 'OE10',
      orgUnitName: 'ICT',
      functionName: 'Engineer',
      costCenterId: 'K1',
      hoursPerWeek: '36',
      'custom.Locatie': 'Utrecht',
      'custom.Team': 'Blue',
    });
  });
});
