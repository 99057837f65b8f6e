/**
 * The page's end of the live channel (`/__marginalia/events`, Server-Sent Events): hands on the
 * problems of failed builds, and asks for a reload (or hands on what changed) when this page's
 * article was rebuilt. The
 * browser reconnects by itself when the server restarts; the page then reloads once, since the
 * server may have rebuilt everything.
 */
import type { LiveProblem, PagePatch } from './protocol.ts';
import { servePrefix } from './protocol.ts';

export interface LiveHandlers {
  /** The problems of every article whose last build failed. */
  problems(problems: LiveProblem[]): void;
  /** An article was rebuilt. */
  rebuilt(slug: string): void;
  /** An article was rebuilt, and this is what changed on its page. */
  patched(patch: PagePatch): void;
}

export function connectLive(handlers: LiveHandlers): EventSource {
  const source = new EventSource(`${servePrefix}events`);
  let opened = false;
  source.addEventListener('open', () => {
    if (opened) handlers.rebuilt('');
    opened = true;
  });
  source.addEventListener('problems', (event) => {
    handlers.problems(JSON.parse((event as MessageEvent<string>).data) as LiveProblem[]);
  });
  source.addEventListener('reload', (event) => {
    handlers.rebuilt((JSON.parse((event as MessageEvent<string>).data) as { slug: string }).slug);
  });
  source.addEventListener('patch', (event) => {
    handlers.patched(JSON.parse((event as MessageEvent<string>).data) as PagePatch);
  });
  return source;
}
