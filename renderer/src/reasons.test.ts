import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { en } from './i18n/en';
import { nl } from './i18n/nl';
import { reasonKeys, reasonsNl } from './i18n/reasons-nl';
import { reasonText } from './reasons';

const i18n = i18next.createInstance();
await i18n.init({
  lng: 'nl', fallbackLng: 'en', ns: ['translation', 'reasons'], defaultNS: 'translation', interpolation: { escapeValue: false },
  resources: { en: { translation: en }, nl: { translation: nl, reasons: reasonKeys(reasonsNl) } },
});
const dutch = (text: string): string => reasonText(text, i18n.t, 'nl');

describe('the engine reasons in Dutch', () => {
  it('translates the common AD reasons, part by part, with plurals', () => {
    expect(dutch('contract 100001_1_1 active since 2018-11-03, no end date')).toBe('contract 100001_1_1 actief sinds 2018-11-03, geen einddatum');
    expect(dutch('contract 1_1 ended 2026-11-20; disable 1 day after end')).toBe('contract 1_1 is geëindigd op 2026-11-20; uitschakelen 1 dag na het einde');
    expect(dutch('contract 1_1 ended 2026-11-20; disable 3 days after end')).toBe('contract 1_1 is geëindigd op 2026-11-20; uitschakelen 3 dagen na het einde');
    expect(dutch('no account carries employeeID 100001')).toBe('geen account heeft employeeID 100001');
    expect(dutch('rule "Iedereen" matches contract 100001_1_1')).toBe('regel "Iedereen" geldt voor contract 100001_1_1');
  });

  it('translates held reasons, with the action kind and the limit in Dutch, and nested doubts', () => {
    expect(dutch('25 enables in Active Directory, more than the 20 allowed (10 % of 120 managed accounts or 20, whichever is larger): held for review'))
      .toBe('25 × Inschakelen in Active Directory, meer dan de 20 toegestane (10 % van 120 beheerde accounts of 20, wat het grootst is): wacht op beoordeling');
    expect(dutch("HR data for employee 210001 is unreadable (contracts row 1: enddate '31-02-2027' is no date); nothing is changed for this person until HR corrects it"))
      .toBe("HR-gegevens van medewerker 210001 zijn onleesbaar (contracts rij 1: enddate '31-02-2027' is geen datum); voor deze persoon verandert niets tot HR dit corrigeert");
  });

  it('translates a partly held person, naming what waits in Dutch', () => {
    expect(dutch("HR data for employee 210001 is unreadable (contracts row 3: startdate '2026-13-01' is no date); what it could change waits until HR corrects it (disable k.smit, move k.smit); the rest proceeds"))
      .toBe("HR-gegevens van medewerker 210001 zijn onleesbaar (contracts rij 3: startdate '2026-13-01' is geen datum); wat dat kan veranderen wacht tot HR het corrigeert (uitschakelen k.smit, verplaatsen k.smit); de rest gaat door");
  });

  it('translates the findings about the HR data, with the words inside their parameters', () => {
    expect(dutch("contract 100_1_1 has an unreadable end date '31-02-2027'; the person is held until HR corrects it"))
      .toBe("contract 100_1_1 heeft een onleesbare einddatum '31-02-2027'; de persoon wordt vastgehouden tot HR dit corrigeert");
    expect(dutch('employee 13 has no readable date of birth, so it cannot be matched with other employee records of the same person; the person is held until HR corrects it (it may be employee 12, who is held too)'))
      .toBe('medewerker 13 heeft geen leesbare geboortedatum, dus deze kan niet worden gekoppeld aan andere medewerkerrecords van dezelfde persoon; de persoon wordt vastgehouden tot HR dit corrigeert (het kan medewerker 12 zijn, die ook wordt vastgehouden)');
    expect(dutch('user U7 appears in 2 different versions in the users export; the row with the latest existencestartutc (2021-01-01T00:00:00Z) is used'))
      .toBe('gebruiker U7 staat in 2 verschillende versies in de users-export; de rij met de laatste existencestartutc (2021-01-01T00:00:00Z) telt');
  });

  it('keeps an unknown reason, and every reason in English, as the engine wrote it', () => {
    expect(dutch('a reason nobody catalogued')).toBe('a reason nobody catalogued');
    expect(reasonText('created disabled', i18n.t, 'en')).toBe('created disabled');
  });
});
