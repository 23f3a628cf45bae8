import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { translateReason } from '../../electron/shared/reason-codes';
import type { CodedReason } from '../../electron/shared/reason-codes';
import { reasonWordsNl } from './i18n/reasons-nl';

/**
 * The engine's reasons in the admin's language: recognised by electron/shared/reason-codes.ts and
 * looked up in the `reasons` namespace (Dutch only; English, and any reason not known, stay as the
 * engine wrote them).
 */

const WORDS = /managed accounts|whichever is larger| or | of |\b(?:roles|teams|locations|birth name|date of birth)\b/g;

/** Parameters that are themselves English: nested reasons, action kinds, the words of a limit. */
function params(coded: CodedReason, t: TFunction, again: (text: string) => string): Record<string, string | number> {
  const out: Record<string, string | number> = { ...coded.params };
  const words = (text: string): string => text.replace(WORDS, (word) => reasonWordsNl[word] ?? word);
  if (typeof out.doubts === 'string') out.doubts = again(out.doubts);
  if (typeof out.limit === 'string') out.limit = words(out.limit);
  if (typeof out.what === 'string') out.what = words(out.what);
  if (typeof out.ids === 'string') out.ids = words(out.ids);
  if (typeof out.missing === 'string') out.missing = words(out.missing);
  if (typeof out.thing === 'string') out.thing = reasonWordsNl[out.thing] ?? out.thing;
  // "disable j.jansen, move j.jansen": each action kind in words.
  if (typeof out.waiting === 'string') {
    out.waiting = out.waiting.split(', ').map((item) => item.replace(/^\S+/, (kind) => t(`kind.${kind}`, { defaultValue: kind }).toLowerCase())).join(', ');
  }
  if (typeof out.kind === 'string') out.kind = t(`kind.${out.kind}`, { defaultValue: out.kind });
  if (typeof out.kinds === 'string') {
    // "enables" when more than one: the kind is the word without its plural s.
    const kind = coded.params.count === 1 ? out.kinds : out.kinds.replace(/s$/, '');
    out.kinds = t(`kind.${kind}`, { defaultValue: out.kinds });
  }
  return out;
}

/** One reason in the current language. */
export function reasonText(text: string, t: TFunction, language: string): string {
  if (language === 'en') return text;
  const again = (inner: string): string => reasonText(inner, t, language);
  return translateReason(text, (coded, english) => t(coded.code, { ns: 'reasons', ...params(coded, t, again), defaultValue: english }));
}

/** {@link reasonText} bound to the current language (re-renders on a switch). */
export function useReasonText(): (text: string) => string {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useCallback((text: string) => reasonText(text, t, language), [t, language]);
}
