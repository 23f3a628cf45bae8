import anyAscii from 'any-ascii';

/**
 * Text helpers for names: what may be written, how it is cut, and how a logon name is made of it.
 * Lengths are UTF-16 code units (what AD counts), but a cut never splits a grapheme (a letter with its
 * marks, an emoji with its modifiers, a surrogate pair): half a character would be stored as U+FFFD,
 * and every later preview would plan the same rename again.
 */

// C0/C1 controls, bidi embeddings/overrides/isolates and marks, zero-width characters, the BOM, and
// the invisible operators: none of them belongs in a name, and some make one name look like another.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/gu;

/** A name as written, and whether characters had to be removed to get it. */
export interface CleanText {
  readonly text: string;
  /** True when control, bidi-override or zero-width characters were removed. */
  readonly removed: boolean;
}

// Most names: printable ASCII holds no invisible character and nothing NFKC would fold.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** `text` without invisible characters and with compatibility forms folded (NFKC: fullwidth "Ｊａｎ" is "Jan"). */
export function stripInvisible(text: string): CleanText {
  if (PRINTABLE_ASCII.test(text)) return { text, removed: false };
  let removed = false;
  const visible = text.replace(INVISIBLE, (ch) => {
    // Tabs and line breaks are white space gone wrong, not hidden characters.
    if (ch === '\t' || ch === '\n' || ch === '\r') return ' ';
    removed = true;
    return '';
  });
  return { text: visible.normalize('NFKC'), removed };
}

// Printable ASCII words with single spaces between them: already fit to write.
const CLEAN_ASCII = /^(?:[\x21-\x7e]+(?: [\x21-\x7e]+)*)?$/;

/** `text` fit to write: {@link stripInvisible}, runs of white space collapsed and the ends trimmed. */
export function cleanText(text: string): CleanText {
  if (CLEAN_ASCII.test(text)) return { text, removed: false };
  const result = stripInvisible(text);
  return { text: result.text.replace(/\s+/g, ' ').trim(), removed: result.removed };
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** The graphemes of `text`, in order. */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/**
 * The longest start of `text` of at most `max` UTF-16 code units that ends on a grapheme boundary. Walks the
 * graphemes lazily and stops at the cut: a 1 MB field costs what its first `max` characters cost.
 */
export function cutToLength(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  for (const { index, segment } of segmenter.segment(text)) {
    if (index + segment.length > max) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}

/** The first `count` graphemes of `text` (lazily, as {@link cutToLength}). */
export function firstGraphemes(text: string, count: number): string {
  if (text.length <= count) return text;
  let end = 0;
  let seen = 0;
  for (const { index, segment } of segmenter.segment(text)) {
    if (seen === count) break;
    end = index + segment.length;
    seen += 1;
  }
  return text.slice(0, end);
}

// Letters that NFD does not split into base + mark; kept so Latin names read as they always did here.
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ĳ: 'ij',
};

// Letters and digits of other scripts in Latin letters; symbols (an emoji, say) are dropped, not spelled out.
function transliterate(ch: string): string {
  const special = SPECIAL_LETTERS[ch];
  if (special !== undefined) return special;
  if (!/[\p{L}\p{N}]/u.test(ch)) return '';
  return anyAscii(ch).toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * A name reduced to what a logon name may hold: lower case, diacritics removed (Zoë gives zoe), letters of
 * other scripts transliterated (Cyrillic "Аdmin" gives "admin", not "dmin"), spaces replaced by `spaces`
 * ("van den Berg" gives "vandenberg", or "van.den.berg" with "."), and everything but a-z, 0-9, ".", "-"
 * and "_" dropped.
 */
export function logonPart(text: string, spaces = ''): string {
  return stripInvisible(text)
    .text.replace(/\s+/g, ' ')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9._\- ]/gu, transliterate)
    .replace(/ +/g, spaces);
}

/** A logon name or address local part without leading, trailing or doubled dots (`jan..berg` is `jan.berg`). */
export function tidyLogon(text: string): string {
  return text.replace(/\.{2,}/g, '.').replace(/^[.\-_]+/, '').replace(/[.\-_]+$/, '');
}
