/**
 * Showing a rebuilt page without losing the reader's place.
 *
 * `refreshKeepingPlace` is what a rebuild does: it fetches the page again and puts the new
 * page's body (and the head's title and metadata) in place of the old, in this document, so the
 * styles and scripts already loaded stay and the text is back in its place before the next
 * frame. The reader element of the new body starts afresh (the old one is disconnected and lets
 * go of everything it listened to); the layers the server adds (the problems overlay, the editor)
 * stay, and the editor reads the claims file's state again. When the new page loads other
 * styles or scripts, or cannot be fetched, the page is reloaded instead; so is a very large page
 * (thousands of claims), which the browser shows sooner by loading it than by parsing it whole
 * in one go (see `inPlaceLimit`).
 *
 * `reloadKeepingPlace` reloads the page: the scroll position is kept in the tab's session
 * storage for the moment of the reload and restored once the reader has wired the new page. A
 * draft (an unsaved form) can ride along the same way.
 *
 * `patchInPlace` shows a rebuild of a large page without either: the server sends what changed
 * (`src/serve/page-patch.ts`), and only that is replaced.
 */
import { applyPatch, findPart, fits, inHead } from './apply-patch.ts';
import type { PagePatch } from './protocol.ts';

/**
 * Whether this page is still laid out as the server wrote it, so that a patch's addresses lead
 * where they should: not after an in-place refresh that had to put the head's metadata back in
 * another order.
 */
let patchable = true;

/**
 * Shows a rebuild by replacing what changed (`apply-patch.ts`), when the patch is for the
 * version of the page shown here; then the reader reads the page again. False when nothing was
 * done: the page is then refreshed or reloaded as before.
 */
export function patchInPlace(patch: PagePatch): boolean {
  const version = document.querySelector('meta[name="marginalia-page-version"]');
  if (!patchable || reloading || refreshing || version?.getAttribute('content') !== patch.from) return false;
  // What shows first; the head after the frame that shows it (a changed JSON-LD costs the
  // browser a fifth of a second on a long page, and nobody sees it).
  if (!fits(document, patch.parts) || patch.parts.some(replacesArticle)) return false;
  const head = patch.parts.filter(inHead);
  const replaced = applyPatch(
    document,
    patch.parts.filter((part) => !inHead(part)),
  );
  if (!replaced) return false;
  version.setAttribute('content', patch.to);
  const reader = document.querySelector('marginalia-reader') as (Element & { refresh?: Refresh }) | null;
  requestAnimationFrame(() =>
    setTimeout(() => {
      const headParts = applyPatch(document, head);
      const all = [...replaced, ...(headParts ?? [])];
      if (!headParts || (all.length > 0 && reader?.refresh?.(all) === false)) reloadKeepingPlace();
    }),
  );
  return true;
}

/** Whether a part would replace the article itself, on which the reader has wired its marks. */
function replacesArticle(part: PagePatch['parts'][number]): boolean {
  const article = document.querySelector('.marginalia-article');
  return article !== null && findPart(document, part)?.contains(article) === true;
}

type Refresh = (replaced: readonly Element[]) => boolean;

const scrollKey = (): string => `marginalia:serve:scroll:${location.pathname}`;
const draftKey = (): string => `marginalia:serve:draft:${location.pathname}`;

/** How long a kept position or draft is good for. */
const freshMs = 60_000;

let reloading = false;

/** Reloads the page, keeping the scroll position (once, however often it is asked). */
export function reloadKeepingPlace(): void {
  if (reloading) return;
  reloading = true;
  try {
    sessionStorage.setItem(scrollKey(), JSON.stringify({ x: scrollX, y: scrollY, at: Date.now() }));
  } catch {
    // No session storage: the page reloads at the browser's own position.
  }
  location.reload();
}

/** Elements the server's script adds to the page, which a refresh keeps. */
const serveLayers = new Set(['marginalia-problems', 'marginalia-editor']);

/** Head elements that describe the page (replaced by a refresh), as opposed to what it loads. */
const described =
  'title, meta:not([name="marginalia-serve"]):not([charset]):not([http-equiv]), link[rel="canonical"], link[rel="alternate"], script[type="application/ld+json"]';

/** What a document loads: its style sheets and scripts, by address. */
function loads(root: Document): Set<string> {
  const found = new Set<string>();
  for (const element of root.querySelectorAll('link[rel="stylesheet"][href], script[src]')) {
    found.add(new URL(element.getAttribute('href') ?? element.getAttribute('src') ?? '', location.href).href);
  }
  return found;
}

/**
 * The largest page (in bytes) shown in place. Parsing a page with DOMParser is one long task and
 * the text shows only after it; a navigation shows the first screen while the rest still loads.
 * Measured on a 1 MB article with 10,000 claims (an 18 MB page): in place, 6 s to show; by
 * reloading, under 1 s. A page of a few hundred claims is well under the limit.
 */
const inPlaceLimit = 4 * 1024 * 1024;

let refreshing: Promise<void> | undefined;
let again = false;

/**
 * Shows the page as it is on the server now, in place (see above); asked again while it works,
 * it refreshes once more after.
 */
export function refreshKeepingPlace(): Promise<void> {
  if (refreshing) {
    again = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      again = false;
      await refreshOnce();
    } while (again && !reloading);
  })().finally(() => (refreshing = undefined));
  return refreshing;
}

async function refreshOnce(): Promise<void> {
  let next: Document;
  try {
    const response = await fetch(location.href, { cache: 'no-store', credentials: 'same-origin' });
    if (!response.ok) throw new Error(String(response.status));
    if (Number(response.headers.get('Content-Length') ?? 0) > inPlaceLimit) {
      void response.body?.cancel();
      reloadKeepingPlace();
      return;
    }
    next = new DOMParser().parseFromString(await response.text(), 'text/html');
  } catch {
    reloadKeepingPlace();
    return;
  }
  const current = loads(document);
  if ([...loads(next)].some((address) => !current.has(address))) {
    reloadKeepingPlace();
    return;
  }
  const { scrollX: x, scrollY: y } = window;
  const old = [...document.head.querySelectorAll(described)];
  const fresh = [...next.head.querySelectorAll(described)].map((node) => document.adoptNode(node));
  if (
    old.length === fresh.length &&
    old.every((element, index) => element.localName === fresh[index]?.localName)
  ) {
    // Each in the place of the one before: the head stays in the order the server wrote it.
    old.forEach((element, index) => element.replaceWith(fresh[index] as Element));
  } else {
    for (const element of old) element.remove();
    document.head.append(...fresh);
    patchable = false;
  }
  const layers = [...document.body.children].filter((element) => serveLayers.has(element.localName));
  for (const node of [...document.body.childNodes]) {
    if (!(node instanceof Element && serveLayers.has(node.localName))) node.remove();
  }
  const body = [...next.body.childNodes].map((node) => document.adoptNode(node));
  document.body.prepend(...body);
  // The editor reads the claims file's new state when it is connected again.
  const editor = layers.find((element) => element.localName === 'marginalia-editor');
  if (editor) document.body.append(editor);
  keepPlace(x, y);
}

/** Restores the position kept by `reloadKeepingPlace`, once the reader is ready. */
export function restorePlace(): void {
  let kept: { x: number; y: number; at: number } | undefined;
  try {
    kept = JSON.parse(sessionStorage.getItem(scrollKey()) ?? 'null') ?? undefined;
    sessionStorage.removeItem(scrollKey());
  } catch {
    return;
  }
  if (!kept || Date.now() - kept.at > freshMs) return;
  keepPlace(kept.x, kept.y);
}

/** Scrolls to (x, y) now and again once the reader has wired the page. */
function keepPlace(x: number, y: number): void {
  const reader = document.querySelector('marginalia-reader');
  const restore = (): void => window.scrollTo({ left: x, top: y, behavior: 'instant' });
  if (!reader || reader.hasAttribute('data-enhanced')) {
    restore();
    return;
  }
  new MutationObserver((_, observer) => {
    if (!reader.hasAttribute('data-enhanced')) return;
    observer.disconnect();
    requestAnimationFrame(restore);
  }).observe(reader, { attributes: true, attributeFilter: ['data-enhanced'] });
  restore();
}

/** Keeps `draft` for the next load of this page. */
export function keepDraft(draft: unknown): void {
  try {
    sessionStorage.setItem(draftKey(), JSON.stringify({ draft, at: Date.now() }));
  } catch {
    // No session storage: the draft is lost with the page, as the message says.
  }
}

/** The draft kept for this page, if any (it is then forgotten). */
export function takeDraft<T>(): T | undefined {
  try {
    const kept = JSON.parse(sessionStorage.getItem(draftKey()) ?? 'null') as { draft: T; at: number } | null;
    sessionStorage.removeItem(draftKey());
    return kept && Date.now() - kept.at <= freshMs ? kept.draft : undefined;
  } catch {
    return undefined;
  }
}
