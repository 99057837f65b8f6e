/**
 * The server's own endpoints under `/__marginalia/` in watch and edit mode: the pages' script
 * (`client.js`), their event stream (`events`), and in edit mode the editing API (`api/…`).
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ArticlePaths } from '../build/discover.ts';
import { editorBundle } from '../editor/build-bundle.ts';
import type { Guard } from './edit/guard.ts';
import type { LiveEvents } from './live-events.ts';
import type { Rebuilder } from './rebuilder.ts';

export interface LiveEndpointOptions {
  events: LiveEvents;
  edit?: {
    guard: Guard;
    cwd: string;
    /** The articles being served, as they are now. */
    articles: () => readonly ArticlePaths[];
    rebuilder: Rebuilder;
  };
}

export type Endpoint = (
  request: IncomingMessage,
  response: ServerResponse,
  route: string,
) => Promise<boolean>;

export async function liveEndpoint(options: LiveEndpointOptions): Promise<Endpoint> {
  const { events, edit } = options;
  let script: Promise<{ code: Buffer; etag: string }> | undefined;
  const api = edit ? (await import('./edit/api.ts')).editApi(edit) : undefined;
  return async (request, response, route) => {
    if (route === 'events' && request.method === 'GET') {
      events.connect(request, response);
      return true;
    }
    if (route === 'client.js' && (request.method === 'GET' || request.method === 'HEAD')) {
      script ??= editorBundle().then((text) => {
        const code = Buffer.from(text);
        return { code, etag: `"${createHash('sha256').update(code).digest('hex').slice(0, 16)}"` };
      });
      const { code, etag } = await script;
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, { ETag: etag, 'Cache-Control': 'no-cache' });
        response.end();
        return true;
      }
      response.writeHead(200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Content-Length': code.length,
        'Cache-Control': 'no-cache',
        ETag: etag,
      });
      response.end(request.method === 'HEAD' ? undefined : code);
      return true;
    }
    if (api && route.startsWith('api/')) return api(request, response, route.slice('api/'.length));
    return false;
  };
}
