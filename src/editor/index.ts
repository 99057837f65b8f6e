/**
 * The script the local server adds to the pages it serves in watch and edit mode (never to a
 * built site): it reloads the page when its article was rebuilt, keeping the reader's place;
 * shows the problems of a failed build over the page (`<marginalia-problems>`); and in edit mode
 * adds the editing layer (`<marginalia-editor>`). It reads its mode and token from the page's
 * `<meta name="marginalia-serve">`, which only the server writes.
 */
import { connectLive } from './live-client.ts';
import './marginalia-editor.ts';
import './marginalia-problems.ts';
import { reloadKeepingPlace, restorePlace } from './page-reload.ts';

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
  connectLive({
    problems: (problems) => {
      overlay.problems = slug === '' ? problems : problems.filter((problem) => problem.slug === slug);
    },
    rebuilt: (rebuilt) => {
      // The list of articles changes with any of them; a page, with its own article.
      if (rebuilt !== '' && slug !== '' && rebuilt !== slug && isArticle) return;
      if (editor) editor.requestReload();
      else reloadKeepingPlace();
    },
  });
}
