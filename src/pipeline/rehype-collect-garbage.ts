/**
 * A full garbage collection at the moments of a long article's build when much of its heap has
 * just died, so that the build's peak memory is what it holds rather than what it has let go.
 *
 * V8 sizes its heap by how fast a program allocates, and a long build allocates fast: left
 * alone, it keeps the memory of dead trees for a long while. Two moments free most:
 *
 * - right after remark-rehype (this plugin): the article's Markdown tree is garbage (about
 *   140 MB of heap for a 10 MB article), and the notes are rendered next;
 * - once the page's HTML is written (`compile-article.ts`): the HTML tree is garbage (about
 *   80 MB for the same article), and the annotations are made next.
 *
 * A collection takes a few tens of milliseconds on such a heap, so each is asked for only when
 * the text or the page is long (`largeText`, `largePage`). Collecting after the conversion and
 * after the page takes the peak of a 10 MB article with 10,000 claims from ~550 to ~390 MB.
 *
 * V8 exposes `gc` to scripts only with `--expose-gc`; the flag is set here, once, and `gc` is
 * taken from a fresh context, which is where V8 puts it when the flag is set after start-up.
 * Nothing is written to standard error.
 */
import type { Root } from 'hast';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Plugin } from 'unified';

/** An article at least this long (in UTF-16 code units) leaves a Markdown tree worth collecting. */
export const largeText = 4_000_000;
/** A page at least this long leaves an HTML tree worth collecting. */
export const largePage = 4_000_000;

const rehypeCollectGarbage: Plugin<[], Root> = function () {
  return (_tree, file) => {
    if (file.value.length >= largeText) collectGarbage();
  };
};
export default rehypeCollectGarbage;

/** V8's `gc`, `null` when it cannot be had, `undefined` until first asked for. */
let gc: (() => void) | null | undefined;

/**
 * Run a full collection now. Where V8 will not expose `gc` (an embedder that refuses the flag),
 * nothing happens: the collection only lowers the peak, the build is the same without it.
 */
export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      const found: unknown = vm.runInNewContext('gc');
      gc = typeof found === 'function' ? (found as () => void) : null;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
