import type { WriteFailure } from '../highlights/store.ts';

/**
 * What the reader says about its highlights: why one was not stored, how an import went, and
 * the short forms the panel and the card use.
 */

/** What the reader is told when a highlight could not be stored. */
export function failureText(failure: WriteFailure): string {
  switch (failure.reason) {
    case 'quota':
      return 'Your browser’s storage for this site is full: the highlight was not saved.';
    case 'unavailable':
      return 'Your browser does not let this page store highlights: the highlight was not saved.';
    default:
      return failure.message;
  }
}

/** What the panel says after an import that worked. */
export function importedText(added: number, duplicates: number, orphans: number): string {
  if (added === 0) {
    return duplicates === 0
      ? 'The file holds no highlights.'
      : `Nothing new: ${duplicates === 1 ? 'its highlight is' : `all ${duplicates} of its highlights are`} already here.`;
  }
  const parts = [`Imported ${countOf(added)}`];
  if (duplicates > 0) parts.push(`${duplicates} already there`);
  if (orphans > 0) parts.push(`${orphans} could not be placed in the current text`);
  return `${parts.join(', ')}.`;
}

/** "1 highlight", "3 highlights". */
export function countOf(count: number, noun = 'highlight'): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The start of a text, on one line, cut at a word with an ellipsis when it is longer than `length`. */
export function excerpt(text: string, length = 140): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= length) return line;
  const cut = line.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
