import type { ItRunStatus, NoticeContent, NoticeLanguage, RenderedMail } from './notice';

/**
 * The notice templates in English and Dutch, plain text plus HTML (the same sentences, escaped).
 * No password ever appears in a notice: joiners get theirs from IT in person.
 */

interface Words {
  readonly subject: string;
  readonly lines: readonly string[];
}

function english(c: NoticeContent): Words {
  switch (c.kind) {
    case 'leaver-upcoming':
      return {
        subject: `Leaver: ${c.personName}, last working day ${c.lastDay}`,
        lines: [
          `${c.personName} has ${c.lastDay} as last working day in HR.`,
          `The account ${c.account} will be switched off on ${c.disableOn}: disabled, and removed from its groups.`,
          `It will be deleted on ${c.deleteOn}. Please make sure work and files are handed over before then.`,
        ],
      };
    case 'leaver-done':
      return {
        subject: `Leaver: the account of ${c.personName} was switched off`,
        lines: [`The account ${c.account} of ${c.personName} was disabled on ${c.doneOn}, as HR records the end of the contract.`],
      };
    case 'joiner-ready':
      return {
        subject: `Joiner: the account of ${c.personName} is ready`,
        lines: [
          `The account ${c.account} of ${c.personName} has been created${c.mail ? `, with the e-mail address ${c.mail}` : ''}.`,
          c.enableOn ? `It can be used from ${c.enableOn}.` : 'It can be used now.',
          'The first password is handed over by IT in person; it is never sent by e-mail.',
        ],
      };
    case 'renamed':
      return {
        subject: `Name change: the account of ${c.personName} was renamed`,
        lines: [
          `HR changed the name of ${c.personName}; the logon name is now ${c.account} (was ${c.oldAccount}).`,
          ...(c.mail ? [`The e-mail address is now ${c.mail}${c.oldMail ? `; mail to ${c.oldMail} still arrives` : ''}.`] : []),
          'The password stays the same.',
        ],
      };
    case 'it-run': {
      const status = ENGLISH_STATUS[c.status](c.count);
      return { subject: `HR Provisioner: run ${c.runId} ${status}`, lines: [`Run ${c.runId} ${status}.`, ...c.lines] };
    }
  }
}

const ENGLISH_STATUS: Readonly<Record<ItRunStatus, (n: number) => string>> = {
  'stopped-by-guard': () => 'was stopped by the source guard',
  failed: () => 'failed',
  'held-for-review': (n) => `held ${n} action(s) for review`,
  'actions-failed': (n) => `completed with ${n} failed action(s)`,
};

const DUTCH_STATUS: Readonly<Record<ItRunStatus, (n: number) => string>> = {
  'stopped-by-guard': () => 'is gestopt door de bronbewaking',
  failed: () => 'is mislukt',
  'held-for-review': (n) => `houdt ${n} actie(s) vast voor beoordeling`,
  'actions-failed': (n) => `is klaar, ${n} actie(s) mislukt`,
};

function dutch(c: NoticeContent): Words {
  switch (c.kind) {
    case 'leaver-upcoming':
      return {
        subject: `Uitdienst: ${c.personName}, laatste werkdag ${c.lastDay}`,
        lines: [
          `${c.personName} heeft volgens HR ${c.lastDay} als laatste werkdag.`,
          `Het account ${c.account} wordt op ${c.disableOn} uitgeschakeld en uit de groepen gehaald.`,
          `Het wordt op ${c.deleteOn} verwijderd. Zorg dat werk en bestanden voor die tijd zijn overgedragen.`,
        ],
      };
    case 'leaver-done':
      return {
        subject: `Uitdienst: het account van ${c.personName} is uitgeschakeld`,
        lines: [`Het account ${c.account} van ${c.personName} is op ${c.doneOn} uitgeschakeld, omdat HR het einde van het contract vastlegt.`],
      };
    case 'joiner-ready':
      return {
        subject: `Indienst: het account van ${c.personName} staat klaar`,
        lines: [
          `Het account ${c.account} van ${c.personName} is aangemaakt${c.mail ? `, met het e-mailadres ${c.mail}` : ''}.`,
          c.enableOn ? `Het is te gebruiken vanaf ${c.enableOn}.` : 'Het is nu te gebruiken.',
          'Het eerste wachtwoord geeft IT persoonlijk; het wordt nooit per e-mail verstuurd.',
        ],
      };
    case 'renamed':
      return {
        subject: `Naamswijziging: het account van ${c.personName} heeft een nieuwe naam`,
        lines: [
          `HR heeft de naam van ${c.personName} gewijzigd; de inlognaam is nu ${c.account} (was ${c.oldAccount}).`,
          ...(c.mail ? [`Het e-mailadres is nu ${c.mail}${c.oldMail ? `; mail aan ${c.oldMail} komt nog steeds aan` : ''}.`] : []),
          'Het wachtwoord blijft hetzelfde.',
        ],
      };
    case 'it-run': {
      const status = DUTCH_STATUS[c.status](c.count);
      return { subject: `HR Provisioner: run ${c.runId} ${status}`, lines: [`Run ${c.runId} ${status}.`, ...c.lines] };
    }
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Put a notice in words, as plain text and as HTML. */
export function renderNotice(content: NoticeContent, language: NoticeLanguage): RenderedMail {
  const words = language === 'nl' ? dutch(content) : english(content);
  return {
    subject: words.subject,
    text: `${words.lines.join('\n')}\n`,
    html: `<!doctype html><html><body>${words.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</body></html>`,
  };
}
