/**
 * Where an editor's note speaks of a source in its prose, found without parsing the Markdown:
 * the addresses it links to, and the sentences that attribute something to someone by name with
 * a date ("Caixin reported in May 2024 that…", "(Reuters, 2023)"). Best effort, for a warning:
 * a name is a run of capitalised words next to a word of attribution, and a sentence counts only
 * when it also holds a year, so that a company named in passing is not taken for a source.
 */

/** A sentence that attributes something to a named source, and the names it could mean. */
export interface Attribution {
  sentence: string;
  /** Candidate names, nearest to the word of attribution first. */
  names: string[];
}

const urlPattern = /\bhttps?:\/\/[^\s<>()[\]"'`]+[^\s<>()[\]"'`.,;:!?]/giu;
/** `[text](url)`, `[text](<url> "title")` and reference definitions `[label]: url`. */
const markdownLink = /\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/gu;
const definition = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s.*)?$/gmu;
const yearPattern = /\b(?:19|20)\d{2}\b/u;
/** Words that attribute what follows (or precedes) to a source. */
const cuePattern =
  /\b(?:reported(?: by)?|told|said|says|wrote|writes|announced|announces|stated|claimed|according to)\b/giu;
/** Cues after which the source is named: "told Reuters", "according to Caixin", "reported by The Verge". */
const cuesNamingAfter = new Set(['told', 'according to', 'reported by']);
/** Cues that may also follow the source's name: "…, said Zhou Hongyi". */
const cuesBeforeSpeaker = new Set(['said', 'says', 'wrote', 'writes']);
/** `(Name, 2024)` or `(Name, 3 May 2024)`. */
const authorDate =
  /\(([^(),]{2,80}),\s*(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},?\s+)?(?:19|20)\d{2}[a-z]?\)/gu;
const connectors = new Set(['of', 'and', 'the', 'for', 'de', 'la', 'le', '&']);
/** Capitalised words that are not names of sources. */
const notNames = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'the',
  'a',
  'an',
  'i',
  'it',
  'its',
  'this',
  'that',
  'these',
  'those',
  'he',
  'she',
  'they',
  'we',
  'chinese',
  'american',
  'european',
  'japanese',
  'korean',
  'british',
  'us',
  'u.s.',
  // Words that often begin a sentence.
  'as',
  'in',
  'on',
  'at',
  'by',
  'for',
  'from',
  'with',
  'when',
  'while',
  'after',
  'before',
  'since',
  'until',
  'but',
  'and',
  'so',
  'then',
  'also',
  'if',
  'both',
  'later',
  'earlier',
  'separately',
]);

/** The http(s) addresses a note links to or writes out, in order, each once. */
export function linksIn(markdown: string): string[] {
  const found: string[] = [];
  const add = (url: string | undefined) => {
    if (url && /^https?:\/\//iu.test(url) && !found.includes(url)) found.push(url);
  };
  for (const match of markdown.matchAll(markdownLink)) add(match[2]);
  for (const match of markdown.matchAll(definition)) add(match[1]);
  const rest = markdown.replace(markdownLink, ' $1 ').replace(definition, ' ');
  for (const match of rest.matchAll(urlPattern)) add(match[0]);
  return found;
}

/** The sentences of a note that attribute something, with a date, to a named source. */
export function attributionsIn(markdown: string): Attribution[] {
  const attributions: Attribution[] = [];
  for (const sentence of sentencesOf(plainText(markdown))) {
    if (!yearPattern.test(sentence)) continue;
    const names = [...namesByCue(sentence), ...namesByAuthorDate(sentence)];
    const unique = names.filter((name, index) => names.indexOf(name) === index);
    if (unique.length > 0) attributions.push({ sentence, names: unique });
  }
  return attributions;
}

/**
 * Whether `name` occurs in `text` as whole words, ignoring case, a leading "The", emphasis and
 * the kind of apostrophe or dash.
 */
export function mentions(text: string, name: string): boolean {
  const wanted = normalise(name).replace(/^the /u, '');
  if (wanted === '') return false;
  const haystack = ` ${normalise(text)} `;
  return haystack.includes(` ${wanted} `);
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`]/gu, "'")
    .replace(/[‐‑‒–—]/gu, '-')
    .replace(/'s\b/gu, '')
    .replace(/[^\p{L}\p{N}&'.-]+/gu, ' ')
    .replace(/(?<=\p{L}{2})\.(?=\s|$)/gu, '')
    .trim()
    .replace(/\s+/gu, ' ');
}

/** The note's prose: link texts kept, addresses, code and emphasis marks dropped. */
function plainText(markdown: string): string {
  return markdown
    .replace(/`[^`]*`/gu, ' ')
    .replace(markdownLink, '$1')
    .replace(definition, ' ')
    .replace(urlPattern, ' ')
    .replace(/(^|[^\p{L}\p{N}])[*_]+|[*_]+(?=[^\p{L}\p{N}]|$)/gu, '$1')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Sentences, not cut after an initial or a common abbreviation ("U.S.", "Inc."). */
function sentencesOf(text: string): string[] {
  const pieces = text.split(/(?<=[.!?]["”’)]?)\s+(?=["“(]?[\p{Lu}\p{N}])/u);
  const sentences: string[] = [];
  for (const piece of pieces) {
    const previous = sentences.at(-1);
    if (
      previous !== undefined &&
      /(?:\b\p{Lu}\.|\b(?:Mr|Ms|Mrs|Dr|Inc|Ltd|Co|Corp|No|vol|pp?|St|vs)\.)$/u.test(previous)
    )
      sentences[sentences.length - 1] = `${previous} ${piece}`;
    else sentences.push(piece);
  }
  return sentences;
}

/** Names beside a word of attribution: "Caixin reported", "told the outlet Jiemian". */
function namesByCue(sentence: string): string[] {
  const names: string[] = [];
  for (const match of sentence.matchAll(cuePattern)) {
    const cue = match[0].toLowerCase();
    const before = sentence.slice(0, match.index).trimEnd();
    const after = sentence.slice(match.index + match[0].length).trimStart();
    const name = lastNameIn(before);
    if (cuesNamingAfter.has(cue)) {
      // "people at ByteDance told Jiemian": the source to cite is the one told, when named.
      const told = namesNear(after, 6);
      names.push(...(told.length > 0 ? told : name ? [name] : []));
    } else {
      // "Caixin reported", or "…, said Zhou Hongyi".
      if (name) names.push(name);
      if (cuesBeforeSpeaker.has(cue)) names.push(...namesNear(after, 1));
    }
  }
  return names;
}

/** `(Reuters, 2023)` → `Reuters`. */
function namesByAuthorDate(sentence: string): string[] {
  return [...sentence.matchAll(authorDate)]
    .map((match) => (match[1] ?? '').trim())
    .filter((name) => /^\p{L}*\p{Lu}/u.test(name) && !notNames.has(name.toLowerCase()));
}

/** The run of capitalised words that ends `text`, if any ("… the South China Morning Post"). */
function lastNameIn(text: string): string | undefined {
  const words = text.split(' ');
  const run: string[] = [];
  for (let index = words.length - 1; index >= 0; index -= 1) {
    const raw = words[index] ?? '';
    // A comma or a closing mark ends the name that precedes the word of attribution.
    if (index < words.length - 1 && /[,;:"”)]$/u.test(raw)) break;
    const word = raw.replace(/^["“(]+|[,;:"”)]+$/gu, '');
    if (isNameWord(word)) run.unshift(word);
    else if (run.length > 0 && connectors.has(word.toLowerCase())) run.unshift(word);
    else break;
  }
  while (run.length > 0 && connectors.has((run[0] ?? '').toLowerCase())) run.shift();
  return nameOf(run);
}

/** The runs of capitalised words among the first `span` words of `text`. */
function namesNear(text: string, span: number): string[] {
  const words = text.split(' ').slice(0, span + 4);
  const names: string[] = [];
  let run: string[] = [];
  let seen = 0;
  const flush = () => {
    const name = nameOf(run);
    if (name) names.push(name);
    run = [];
  };
  for (const raw of words) {
    const word = raw.replace(/^["“(]+|[,;:.!?"”)]+$/gu, '');
    if (isNameWord(word)) run.push(word);
    else if (run.length > 0 && connectors.has(word.toLowerCase())) run.push(word);
    else {
      flush();
      seen += 1;
      if (seen >= span) break;
    }
    if (/[,;:.!?"”)]$/u.test(raw)) {
      flush();
      break;
    }
  }
  flush();
  return names;
}

function isNameWord(word: string): boolean {
  return /^\p{Lu}[\p{L}\p{N}&.'’-]*$/u.test(word) && !notNames.has(word.toLowerCase());
}

function nameOf(run: readonly string[]): string | undefined {
  const words = [...run];
  while (words.length > 0 && connectors.has((words.at(-1) ?? '').toLowerCase())) words.pop();
  const name = words.join(' ');
  return name === '' ? undefined : name;
}
