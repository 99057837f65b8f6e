/**
 * The page's side of a live patch (`src/serve/page-patch.ts`): finds each part's element by its
 * address and puts the new HTML in its place. Every part is found before anything is replaced,
 * so a patch that does not fit the page (an address that leads nowhere, or to another tag)
 * changes nothing, and the page is loaded again instead. So does a part that loads something
 * (a script or a style sheet): new HTML is put in place as inert markup, never run. A script's
 * part changes only a span of its text (the page's data), which is not run either.
 */
import type { PatchPart, PatchStep } from './protocol.ts';

/** The element a part's address leads to in `root`, when it has the part's tag. */
export function findPart(root: Document, part: PatchPart): Element | undefined {
  let node: Document | Element = root;
  for (const step of part.at) {
    const next = stepFrom(root, node, step);
    if (!next) return undefined;
    node = next;
  }
  // By node type rather than `instanceof`: the document may be another window's.
  return node.nodeType === 1 && (node as Element).localName === part.tag ? (node as Element) : undefined;
}

function stepFrom(root: Document, node: Document | Element, step: PatchStep): Element | undefined {
  if ('id' in step) return root.getElementById(step.id) ?? undefined;
  let nth = step.nth;
  for (const child of node.children) {
    if (child.localName !== step.tag || (child.getAttribute('class') ?? '') !== step.class) continue;
    if (nth === 0) return child;
    nth -= 1;
  }
  return undefined;
}

/** What a part's HTML would have the page load or run. */
const loading =
  /<script\b[^>]*\ssrc=|<link\b[^>]*\srel="?(?:stylesheet|modulepreload|preload)|<(?:iframe|object|embed)\b/iu;
const inert = (part: PatchPart): boolean => !loading.test(part.html);

/**
 * Replaces the parts' elements with their new HTML; the new elements, in order, or `undefined`
 * (and nothing changed) when the patch does not fit this page.
 */
export function applyPatch(root: Document, parts: readonly PatchPart[]): Element[] | undefined {
  const targets = parts.map((part) => findPart(root, part));
  if (!targets.every((target) => target !== undefined) || !parts.every(inert)) return undefined;
  const replaced: Element[] = [];
  parts.forEach((part, index) => {
    const target = targets[index] as Element;
    if (part.splice) {
      const { start, end, text } = part.splice;
      const old = target.textContent ?? '';
      target.textContent = old.slice(0, start) + text + old.slice(end);
      replaced.push(target);
      return;
    }
    const template = root.createElement('template');
    template.innerHTML = part.html;
    const element = template.content.firstElementChild;
    target.replaceWith(template.content);
    if (element) replaced.push(element);
  });
  return replaced;
}

/** Whether every part leads to its element, and none would load anything. */
export function fits(root: Document, parts: readonly PatchPart[]): boolean {
  return parts.every((part) => inert(part) && findPart(root, part) !== undefined);
}

/** Whether a part is in the page's `<head>`: nothing a reader sees (but the tab's title). */
export function inHead(part: PatchPart): boolean {
  const step = part.at[1];
  return step !== undefined && 'tag' in step && step.tag === 'head';
}
