/**
 * The reader's view of the claims: read once from the light DOM that the build wrote
 * (`li.marginalia-note` for each note, `mark[data-claims]` for each highlighted segment).
 * Nothing here anchors text: the build already did.
 */

export interface ReaderClaim {
  /** The claim id; its note is `#note-<id>`. */
  id: string;
  /** 1-based number of the note, in reading order of the claims' starts. */
  number: number;
  kind: string;
  /** The verdict, or `none` when the claim has none. */
  verdict: string;
  /** Human labels, as the build wrote them in the note. */
  kindLabel: string;
  verdictLabel: string;
  /** The paragraph number (`¶ N`), 0 when unknown. */
  paragraph: number;
  /** The marks that name this claim, in document order (may be empty if the page is damaged). */
  marks: HTMLElement[];
  /** The build-time note, `li#note-<id>`. */
  note: HTMLElement;
  /** The first words of the quote, for lists (read from the note when first asked for). */
  readonly excerpt: string;
}

const excerptWords = 9;

/** Splits a space-separated attribute value into its tokens. */
export function tokens(value: string | null): string[] {
  return value === null ? [] : value.split(/\s+/).filter((token) => token !== '');
}

/** Shortens text to its first `count` words, with an ellipsis when cut. */
export function firstWords(text: string, count = excerptWords): string {
  const words = tokens(text);
  return words.length <= count ? words.join(' ') : `${words.slice(0, count).join(' ')}…`;
}

function capitalise(value: string): string {
  const spaced = value.replace(/-/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/**
 * Reads every claim of the page under `root`, in note order. Notes without a claim id are
 * skipped; a claim whose marks are missing is still listed (its note can be read) but has no
 * marks.
 *
 * Every string read from the page costs the browser's garbage collector a little, once per
 * string, at a time of its choosing (on a page of 10,000 claims, tens of milliseconds after the
 * page has loaded), so it reads as few as it can: the labels of a kind and of a verdict once
 * each, and a claim's excerpt only when it is first asked for.
 */
export function readClaims(root: ParentNode): ReaderClaim[] {
  const marksByClaim = new Map<string, HTMLElement[]>();
  for (const mark of root.querySelectorAll<HTMLElement>('mark[data-claims]')) {
    for (const id of tokens(mark.getAttribute('data-claims'))) {
      const list = marksByClaim.get(id);
      if (list) list.push(mark);
      else marksByClaim.set(id, [mark]);
    }
  }
  const labels = new Map<string, string>();
  const labelOf = (note: Element, selector: string, value: string, fallback: () => string): string => {
    const key = `${selector} ${value}`;
    let label = labels.get(key);
    if (label === undefined) {
      label = note.querySelector(selector)?.textContent?.trim() || fallback();
      labels.set(key, label);
    }
    return label;
  };
  const claims: ReaderClaim[] = [];
  for (const note of root.querySelectorAll<HTMLElement>('li.marginalia-note[data-claim]')) {
    const id = note.getAttribute('data-claim') ?? '';
    if (id === '') continue;
    const kind = note.getAttribute('data-kind') ?? 'fact';
    const verdict = note.getAttribute('data-verdict') ?? 'none';
    const marks = marksByClaim.get(id) ?? [];
    let excerpt: string | undefined;
    claims.push({
      id,
      number: Number(note.getAttribute('data-note')) || claims.length + 1,
      kind,
      verdict,
      kindLabel: labelOf(note, '.marginalia-kind', kind, () => capitalise(kind)),
      verdictLabel: labelOf(note, '.marginalia-verdict', verdict, () =>
        verdict === 'none' ? 'No verdict' : capitalise(verdict),
      ),
      paragraph: Number(note.getAttribute('data-paragraph')) || 0,
      marks,
      note,
      get excerpt() {
        excerpt ??= firstWords(
          note.querySelector('.marginalia-note-quote')?.textContent ??
            marks.map((mark) => mark.textContent).join(''),
        );
        return excerpt;
      },
    });
  }
  return claims.sort((a, b) => a.number - b.number);
}

/** The claims that a mark names, in the order of its `data-claims`. */
export function claimsOfMark(mark: Element, byId: ReadonlyMap<string, ReaderClaim>): ReaderClaim[] {
  return tokens(mark.getAttribute('data-claims'))
    .map((id) => byId.get(id))
    .filter((claim): claim is ReaderClaim => claim !== undefined);
}

/** The claims that pass the filters: of one of `kinds` (none: any kind), with `verdict` ("": any). */
export function filterClaims(
  claims: readonly ReaderClaim[],
  kinds: ReadonlySet<string>,
  verdict: string,
): ReaderClaim[] {
  return claims.filter(
    (claim) => (kinds.size === 0 || kinds.has(claim.kind)) && (verdict === '' || claim.verdict === verdict),
  );
}

/** Other claims that share a passage with this one, in note order. */
export function overlapping(
  claim: ReaderClaim,
  claims: readonly ReaderClaim[],
  byId: ReadonlyMap<string, ReaderClaim>,
): ReaderClaim[] {
  const ids = new Set(claim.marks.flatMap((mark) => claimsOfMark(mark, byId)).map((other) => other.id));
  return claims.filter((other) => other !== claim && ids.has(other.id));
}

/** Copies of a claim's note body, its sources and who reviewed it, as the build wrote them, without their ids. */
export function noteContent(claim: ReaderClaim): Node[] {
  return [
    ...claim.note.querySelectorAll(
      '.marginalia-note-body, .marginalia-note-sources, .marginalia-note-reviewed',
    ),
  ].map((source) => {
    const copy = source.cloneNode(true) as Element;
    for (const element of [copy, ...copy.querySelectorAll('[id]')]) element.removeAttribute('id');
    return copy;
  });
}

/** The top and bottom of a claim's passage in the window (all its marks' lines), if it has marks. */
export function passageBounds(claim: ReaderClaim | undefined): { top: number; bottom: number } | undefined {
  const boxes = (claim?.marks ?? []).map((mark) => mark.getBoundingClientRect());
  if (boxes.length === 0) return undefined;
  return {
    top: Math.min(...boxes.map((box) => box.top)),
    bottom: Math.max(...boxes.map((box) => box.bottom)),
  };
}
