/**
 * The open pages' channel back from the server: Server-Sent Events on a same-origin endpoint
 * (the pages' Content-Security-Policy has `connect-src 'self'`). Each page is told, as soon as it
 * connects, the problems of the last build, and then, as they happen:
 *
 * - `problems`: the articles whose last build failed, with their messages (the page shows them
 *   over itself while its own article is among them);
 * - `reload`: an article was rebuilt (`{slug}`; "" for the list of articles): its pages reload;
 * - `patch`: an article was rebuilt, and its pages of the version before show the new one by
 *   replacing what changed (`PagePatch`, from `page-patch.ts`); pages of another version reload.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LiveProblem, PagePatch } from '../editor/protocol.ts';

export type { LiveProblem } from '../editor/protocol.ts';

/** How often a comment line keeps an idle connection open through proxies and timeouts. */
const keepAliveMs = 15_000;

export class LiveEvents {
  private readonly _clients = new Set<ServerResponse>();
  private _problems: LiveProblem[] = [];
  private readonly _timer: NodeJS.Timeout;

  constructor() {
    this._timer = setInterval(() => this._send(': keep-alive\n\n'), keepAliveMs);
    this._timer.unref();
  }

  /** Answers an `EventSource` request: the stream stays open until the page goes away. */
  connect(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
    });
    response.write(`retry: 500\n${frame('problems', this._problems)}`);
    this._clients.add(response);
    request.on('close', () => this._clients.delete(response));
  }

  /** The problems of the last build of every article that failed ([] when all built). */
  setProblems(problems: readonly LiveProblem[]): void {
    this._problems = [...problems];
    this._send(frame('problems', this._problems));
  }

  get problems(): readonly LiveProblem[] {
    return this._problems;
  }

  /** Tells the pages of these articles to reload. */
  reload(slugs: readonly string[]): void {
    for (const slug of slugs) this._send(frame('reload', { slug }));
  }

  /** Tells the pages of an article what changed on it. */
  patch(patch: PagePatch): void {
    this._send(frame('patch', patch));
  }

  /** How many pages are listening. */
  get size(): number {
    return this._clients.size;
  }

  close(): void {
    clearInterval(this._timer);
    for (const client of this._clients) client.end();
    this._clients.clear();
  }

  private _send(text: string): void {
    for (const client of this._clients) client.write(text);
  }
}

function frame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
