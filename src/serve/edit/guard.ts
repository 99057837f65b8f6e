/**
 * Who may use edit mode: only the pages this server served, in a browser on this machine.
 *
 * - Every request must name this server as its Host (`127.0.0.1:PORT` or `localhost:PORT`):
 *   a page of another site whose name is made to point at 127.0.0.1 (DNS rebinding) gets
 *   nothing, not even a page (pages carry the token).
 * - Every request to the editing API must carry the per-run token, which only the pages this
 *   server sends hold (another site's page cannot read them: the browser's same-origin rule),
 *   and, when the browser sends an Origin, come from this server's own origin. Writes must be
 *   `POST` with a JSON body, which a page of another origin cannot send without a preflight
 *   that this server never grants.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { tokenHeader } from '../../editor/protocol.ts';

export interface Guard {
  /** A reason to refuse the request, from its Host header alone; undefined to let it through. */
  host(request: IncomingMessage): string | undefined;
  /** A reason to refuse an API request (token, origin, fetch site); undefined to let it through. */
  api(request: IncomingMessage): string | undefined;
}

const hostNames = ['127.0.0.1', 'localhost', '[::1]'];

export function createGuard(port: () => number, token: string): Guard {
  const expected = Buffer.from(token);
  const hosts = (): Set<string> => new Set(hostNames.map((name) => `${name}:${port()}`));
  return {
    host(request) {
      const host = request.headers.host ?? '';
      return hosts().has(host.toLowerCase()) ? undefined : `Edit mode answers only to ${[...hosts()][0]}`;
    },
    api(request) {
      const given = request.headers[tokenHeader];
      const value = Buffer.from(typeof given === 'string' ? given : '');
      if (value.length !== expected.length || !timingSafeEqual(value, expected)) {
        return 'This request does not carry the token of this run of the server: reload the page';
      }
      const origin = request.headers.origin;
      if (origin !== undefined && !hosts().has(origin.replace(/^http:\/\//u, '').toLowerCase())) {
        return `Requests from ${origin} may not edit`;
      }
      const site = request.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin') return 'Only this server’s own pages may edit';
      return undefined;
    },
  };
}
