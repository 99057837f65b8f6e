/**
 * One full garbage collection at the moment of a long article's build when most of its heap
 * has just died: the page's HTML is written, and the trees it was made from (the article's
 * Markdown and HTML trees, several times the size of the page) are garbage.
 *
 * V8 sizes its heap by how fast a program allocates, and a long build allocates fast: left
 * alone, it keeps those trees' memory (about 200 MB for a 10 MB article) while the annotations
 * are made, and the build's peak is that much higher. A collection costs a few tens of
 * milliseconds at that size, so it is asked for only when the page is large (`largePage`).
 *
 * V8 exposes `gc` to scripts only with `--expose-gc`; the flag is set here, once, and `gc` is
 * taken from a fresh context, which is where V8 puts it when the flag is set after start-up.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

/** A page at least this long (in UTF-16 code units) has left enough garbage to collect. */
export const largePage = 4_000_000;

let gc: (() => void) | undefined;

/** Run a full collection now. */
export function collectGarbage(): void {
  if (gc === undefined) {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  }
  gc();
}
