/**
 * Reloading the page without losing the reader's place: the scroll position is kept in the
 * tab's session storage for the moment of the reload and restored once the reader has wired
 * the new page. A draft (an unsaved form) can ride along the same way.
 */

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
  const { x, y } = kept;
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
