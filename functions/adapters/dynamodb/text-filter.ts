import { foldText, nameKeyPrefix } from './keys.js';

// Synctera's text filters (first_name, last_name, email, phone_number, entity_name): the stored
// value must equal the filter, where each `*` stands for any characters (contract §7.1, §8.1).
// Case counts, as in any equality; Unicode spellings are compared in NFC. A name key (keys.ts) narrows the read to the records whose
// folded value starts with the folded text before the first `*`; a record matches only if its
// folded value matches the folded filter too, so the narrowing never drops a match.

export interface TextFilter {
  field: string;
  /** No `*`: the matches share one name key prefix and come in creation order within it. */
  exact: boolean;
  /** The name key prefix of every match; absent when the filter starts with `*` (no key can narrow). */
  keyPrefix?: string;
  matches(value: unknown): boolean;
}

/**
 * A `*` wildcard match in linear passes: the first piece is a prefix, the last a suffix, the
 * others found leftmost in order (never a backtracking regular expression, whatever the filter).
 */
const globMatches = (pieces: readonly string[], value: string): boolean => {
  const first = pieces[0]!;
  if (pieces.length === 1) return value === first;
  const last = pieces[pieces.length - 1]!;
  if (value.length < first.length + last.length || !value.startsWith(first) || !value.endsWith(last)) return false;
  const end = value.length - last.length;
  let position = first.length;
  for (const piece of pieces.slice(1, -1)) {
    const at = value.indexOf(piece, position);
    if (at < 0 || at + piece.length > end) return false;
    position = at + piece.length;
  }
  return true;
};

export const textFilter = (field: string, filter: string): TextFilter => {
  // Canonically equivalent spellings (é as one code point or as e + accent) are the same text.
  const raw = filter.normalize('NFC').split('*');
  const folded = foldText(filter).split('*');
  const literal = folded[0]!;
  const exact = folded.length === 1;
  return {
    field,
    exact,
    ...(literal ? { keyPrefix: nameKeyPrefix(literal, exact) } : {}),
    matches: (value) => typeof value === 'string' && globMatches(raw, value.normalize('NFC')) && globMatches(folded, foldText(value)),
  };
};
