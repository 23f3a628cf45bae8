/**
 * E-mail notices (issue 10): to a leaver's manager before the last day and when it was done, to a
 * joiner's manager when the account is ready (never a password), to a manager when a name change renamed
 * the account (rename policy), and to IT when a run failed, held
 * actions for review or was stopped by the source guard. Each notice has a key: it is sent once.
 */

/** Languages of the templates. */
export type NoticeLanguage = 'en' | 'nl';

/** What a notice says, before it is put in words. */
export type NoticeContent =
  | {
      readonly kind: 'leaver-upcoming';
      readonly personName: string;
      readonly account: string;
      readonly lastDay: string;
      readonly disableOn: string;
      readonly deleteOn: string;
    }
  | { readonly kind: 'leaver-done'; readonly personName: string; readonly account: string; readonly doneOn: string }
  | {
      readonly kind: 'joiner-ready';
      readonly personName: string;
      readonly account: string;
      readonly mail: string | null;
      readonly enableOn: string | null;
    }
  | {
      /** The logon names followed an HR name change (rename policy). */
      readonly kind: 'renamed';
      readonly personName: string;
      readonly oldAccount: string;
      readonly account: string;
      /** The old and new mail address; null when the address did not change. */
      readonly oldMail: string | null;
      readonly mail: string | null;
    }
  | {
      readonly kind: 'it-run';
      readonly runId: string;
      readonly status: ItRunStatus;
      /** How many actions were held for review, or failed (for the status in words). */
      readonly count: number;
      /** The run's own words: its error, failed and held actions. */
      readonly lines: readonly string[];
    };

/** Why IT hears about a run. */
export type ItRunStatus = 'stopped-by-guard' | 'failed' | 'held-for-review' | 'actions-failed';

/** A notice ready to send: who gets it, in which language, and its key. */
export interface Notice {
  /** Sent once per key: `leaver-upcoming:<person>:<last day>`, `it-run:<run id>`, … */
  readonly key: string;
  readonly to: string;
  readonly language: NoticeLanguage;
  readonly content: NoticeContent;
}

/** A notice in words. */
export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** Sends one mail; throws when the server cannot be reached or refuses it. */
export interface MailPort {
  send(mail: RenderedMail & { readonly to: string }): Promise<void>;
}
