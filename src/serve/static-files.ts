/**
 * Static files of a built folder, as the local server sends them: the file a URL names (never one
 * outside the folder), with its content type, streamed as it is (not compressed: on this machine
 * the bytes cost less than compressing them), and HEAD answered with the headers alone.
 *
 * A page may get a snippet inserted before its `</head>` (the live-reload and editing scripts);
 * the page is still streamed from its file, the snippet going out between its two parts.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

/** Content types by file extension; anything else is sent as bytes. */
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file that a request's path names inside `root` (`/a/` → `root/a/index.html`), or undefined
 * when the path cannot be decoded, holds a NUL, or would leave the folder (`..`, `%2e%2e`,
 * `%2F`, a backslash). Hidden files and folders (a name starting with a dot: the build's
 * temporary folders) are not served either.
 */
export function fileOf(root: string, url: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return undefined;
  const segments = pathname.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment.startsWith('.'))) return undefined;
  const file = path.resolve(root, ...segments, ...(pathname.endsWith('/') ? ['index.html'] : []));
  return file.startsWith(`${path.resolve(root)}${path.sep}`) ? file : undefined;
}

/** How much of a page is read at a time while its `</head>` is looked for. */
const chunkSize = 64 * 1024;

/**
 * Where `</head>` starts in the open file, read a chunk at a time (a page's head may hold
 * megabytes of structured data for thousands of claims), or -1 when it has none.
 */
async function headEnd(handle: FileHandle, size: number): Promise<number> {
  const needle = Buffer.from('</head>');
  const overlap = needle.length - 1;
  const buffer = Buffer.alloc(overlap + chunkSize);
  // Bytes at the start of the buffer carried over from the previous chunk, in case the tag
  // spans two chunks.
  let kept = 0;
  for (let position = 0; position < size;) {
    const { bytesRead } = await handle.read(buffer, kept, chunkSize, position);
    if (bytesRead === 0) break;
    const filled = kept + bytesRead;
    const at = buffer.subarray(0, filled).indexOf(needle);
    if (at !== -1) return position - kept + at;
    position += bytesRead;
    const carry = Math.min(overlap, filled);
    buffer.copy(buffer, 0, filled - carry, filled);
    kept = carry;
  }
  return -1;
}

/**
 * Which build of a file this is (its size and time), as a page is told in
 * `<meta name="marginalia-page-version">`: a change sent to open pages
 * (`page-patch.ts`) names the version it applies to.
 */
export function pageVersion(found: { size: number; mtimeMs: number }): string {
  return `${found.size.toString(36)}-${Math.floor(found.mtimeMs).toString(36)}`;
}

/**
 * Sends `file` (which exists and is a regular file) with its content type and length. With
 * `snippet`, an HTML page gets it right before its `</head>`, after its version (see
 * {@link pageVersion}); a page without `</head>` is sent as it is. Resolves once the response
 * is handed over.
 */
export async function sendFile(
  request: IncomingMessage,
  response: ServerResponse,
  file: string,
  found: { size: number; mtimeMs: number },
  snippet?: string,
): Promise<void> {
  const { size } = found;
  const type = contentTypeOf(file);
  // The browser asks again each time (no-cache), and gets "not modified" while the file is the
  // same: a reload after a rebuild fetches the page again, not the scripts it already compiled.
  const injects = snippet !== undefined && type.startsWith('text/html');
  const version = pageVersion(found);
  const etag = `W/"${version}${injects ? `-${snippet.length.toString(36)}` : ''}"`;
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, { ETag: etag, 'Cache-Control': 'no-cache' });
    response.end();
    return;
  }
  const headers: Record<string, string | number> = {
    'Content-Type': type,
    'Cache-Control': 'no-cache',
    ETag: etag,
  };
  let head: Buffer | undefined;
  let extra: Buffer | undefined;
  if (injects) {
    const handle = await open(file, 'r');
    try {
      const at = await headEnd(handle, size);
      if (at !== -1) {
        head = Buffer.alloc(at);
        await handle.read(head, 0, at, 0);
        extra = Buffer.from(`<meta name="marginalia-page-version" content="${version}">${snippet}`);
      }
    } finally {
      await handle.close();
    }
  }
  headers['Content-Length'] = size + (extra?.length ?? 0);
  response.writeHead(200, headers);
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  if (head && extra) {
    response.write(head);
    response.write(extra);
  }
  const rest = createReadStream(file, { start: head?.length ?? 0 });
  rest.on('error', () => response.destroy());
  rest.pipe(response);
}

/** The size and time of `file` when it is a regular file, else undefined. */
export async function fileStat(file: string): Promise<{ size: number; mtimeMs: number } | undefined> {
  try {
    const found = await stat(file);
    return found.isFile() ? { size: found.size, mtimeMs: found.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}
