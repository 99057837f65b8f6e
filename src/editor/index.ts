/**
 * The script the local server adds to the pages it serves in watch and edit mode (never to a
 * built site): it shows the rebuilt page in place when its article was rebuilt, keeping the
 * reader's place (replacing only what changed, when the server says what that is); shows the problems of a failed build over the page (`<marginalia-problems>`); and in edit mode
 * adds the editing layer (`<marginalia-editor>`). It reads its mode and token from the page's
 * `<meta name="marginalia-serve">`, which only the server writes.
 */
import { connectLive } from './live-client.ts';
import './marginalia-editor.ts';
import './marginalia-problems.ts';
import { patchInPlace, refreshKeepingPlace, restorePlace } from './page-reload.ts';

const meta = document.querySelector('meta[name="marginalia-serve"]');
const mode = meta?.getAttribute('data-mode');
if (meta && (mode === 'watch' || mode === 'edit')) {
  const slug =
    document.querySelector('article[data-slug]')?.getAttribute('data-slug') ??
    decodeURIComponent(location.pathname.split('/')[1] ?? '');
  const isArticle = document.querySelector('article[data-slug]') !== null;
  const overlay = document.createElement('marginalia-problems');
  document.body.append(overlay);
  const editor = mode === 'edit' && isArticle ? document.createElement('marginalia-editor') : undefined;
  if (editor) {
    editor.token = meta.getAttribute('data-token') ?? '';
    editor.slug = slug;
    document.body.append(editor);
  }
  restorePlace();
  const rebuilt = (rebuilt: string): void => {
    // The list of articles changes with any of them; a page, with its own article.
    if (rebuilt !== '' && slug !== '' && rebuilt !== slug && isArticle) return;
    if (editor?.isConnected) editor.requestReload();
    else void refreshKeepingPlace();
  };
  connectLive({
    problems: (problems) => {
      overlay.problems = slug === '' ? problems : problems.filter((problem) => problem.slug === slug);
    },
    rebuilt,
    patched: (patch) => {
      if (!isArticle || patch.slug !== slug || editor?.busy || !patchInPlace(patch)) {
        rebuilt(patch.slug);
        return;
      }
      // The editor reads the claims file's new state when it is connected again.
      if (editor?.isConnected) document.body.append(editor);
    },
  });
}
