import { mkdtemp, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFolder, serveStatic, type Served } from './serve.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request (fetch would decompress, and would not send a path with `..`). */
function get(url: string, pathname: string, method = 'GET'): Promise<Reply> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const sent = request(
      { hostname, port, path: pathname, method, headers: { 'accept-encoding': 'gzip, deflate, br' } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('latin1'),
          }),
        );
      },
    );
    sent.on('error', reject);
    sent.end();
  });
}

describe('serveStatic', () => {
  let root: string;
  let served: Served;
  // A page long enough that the preview server would have compressed it.
  const page = `<!doctype html><title>A</title><p>${'Some text. '.repeat(2000)}</p>\n`;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'marginalia-serve-'));
    await mkdir(path.join(root, 'build', 'article'), { recursive: true });
    await writeFile(path.join(root, 'build', 'article', 'index.html'), page);
    await writeFile(path.join(root, 'build', 'style.css'), `p { color: red }\n${'/* x */\n'.repeat(500)}`);
    await writeFile(path.join(root, 'build', 'article', 'annotations.jsonld'), '{}');
    await writeFile(path.join(root, 'build', 'article', 'citation.bib'), '@misc{a}');
    await writeFile(path.join(root, 'build', 'app.js'), 'export {};');
    await writeFile(path.join(root, 'build', 'data.bin'), 'bytes');
    await mkdir(path.join(root, 'build', '.tmp-article-x'), { recursive: true });
    await writeFile(path.join(root, 'build', '.tmp-article-x', 'index.html'), 'half a page');
    await writeFile(path.join(root, 'secret.html'), 'outside the served folder');
    await writeFile(path.join(root, 'index.html'), 'outside the served folder');
    served = await serveStatic({ dir: path.join(root, 'build') });
  });

  afterAll(async () => {
    await served.close();
    await rm(root, { recursive: true, force: true });
  });

  it('should stream a page as it is, uncompressed, for its folder and its file name', async () => {
    for (const pathname of ['/article/', '/article/index.html', '/article/?x=1']) {
      const reply = await get(served.url, pathname);
      expect(reply.status, pathname).toBe(200);
      expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(reply.headers['content-encoding']).toBeUndefined();
      expect(reply.headers['content-length']).toBe(String(Buffer.byteLength(page)));
      expect(reply.body).toBe(page);
    }
  });

  it('should answer HEAD with the headers only', async () => {
    const reply = await get(served.url, '/article/', 'HEAD');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-length']).toBe(String(Buffer.byteLength(page)));
    expect(reply.body).toBe('');
  });

  it('should send other files uncompressed too', async () => {
    const reply = await get(served.url, '/style.css');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-encoding']).toBeUndefined();
    expect(reply.body).toContain('p { color: red }');
  });

  it('should send each file with its content type', async () => {
    // Arrange
    const expected = {
      '/style.css': 'text/css; charset=utf-8',
      '/app.js': 'text/javascript; charset=utf-8',
      '/article/annotations.jsonld': 'application/ld+json; charset=utf-8',
      '/article/citation.bib': 'application/x-bibtex; charset=utf-8',
      '/data.bin': 'application/octet-stream',
    };

    // Act
    const replies = await Promise.all(Object.keys(expected).map((pathname) => get(served.url, pathname)));

    // Assert
    expect(
      Object.fromEntries(
        replies.map((reply, index) => [Object.keys(expected)[index], reply.headers['content-type']]),
      ),
    ).toEqual(expected);
  });

  it('should redirect a folder to its address with a slash, and hide the build’s temporary folders', async () => {
    // Arrange
    const folder = '/article';

    // Act
    const redirect = await get(served.url, folder);
    const hidden = await get(served.url, '/.tmp-article-x/');

    // Assert
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/article/');
    expect(hidden.status).toBe(404);
    expect(hidden.body).not.toContain('half a page');
  });

  it('should serve nothing from outside its folder', async () => {
    for (const pathname of [
      '/../secret.html',
      '/%2e%2e/secret.html',
      '/article/../../secret.html',
      '/..%2Findex.html',
      '/article/..%2F..%2Findex.html',
      '/article/%2e%2e%2f%2e%2e%2fsecret.html',
      '/..\\secret.html',
      '/article/..%5C..%5Csecret.html',
      '/%00/secret.html',
    ]) {
      const reply = await get(served.url, pathname);
      expect(reply.body, pathname).not.toContain('outside the served folder');
    }
  });
});

describe('serveFolder with a snippet', () => {
  const snippet = '<script type="module" src="/__marginalia/client.js"></script>';

  it('should insert the snippet before </head> however long the head is', async () => {
    // Arrange: heads of a few bytes, of megabytes (the structured data of thousands of claims),
    // and with </head> split across the 64 KB chunks the server reads.
    const root = await mkdtemp(path.join(tmpdir(), 'marginalia-snippet-'));
    const heads = {
      short: '<title>A</title>',
      long: `<script type="application/ld+json">${JSON.stringify({ text: 'x'.repeat(3_000_000) })}</script>`,
      split: `<title>${'y'.repeat(64 * 1024 - 40)}</title>`,
    };
    for (const [name, head] of Object.entries(heads)) {
      await mkdir(path.join(root, name), { recursive: true });
      await writeFile(
        path.join(root, name, 'index.html'),
        `<!doctype html><head>${head}</head><body><p>Text</p>\n`,
      );
    }
    await writeFile(path.join(root, 'headless.html'), '<!doctype html><p>No head</p>\n');
    const served = await serveFolder({ dir: root }, { snippet });
    try {
      for (let shift = 0; shift < 8; shift++) {
        for (const [name, head] of Object.entries(heads)) {
          const shifted = name === 'split' ? head.replace('y', 'y'.repeat(shift + 1)) : head;
          const page = `<!doctype html><head>${shifted}</head><body><p>Text</p>\n`;
          await writeFile(path.join(root, name, 'index.html'), page);

          // Act
          const reply = await get(served.url, `/${name}/`);

          // Assert: the page's version (its size and time) and the snippet.
          const { size, mtimeMs } = await stat(path.join(root, name, 'index.html'));
          const version = `${size.toString(36)}-${Math.floor(mtimeMs).toString(36)}`;
          const expected = page.replace(
            '</head>',
            `<meta name="marginalia-page-version" content="${version}">${snippet}</head>`,
          );
          expect(reply.body, `${name} +${shift}`).toBe(expected);
          expect(reply.headers['content-length']).toBe(String(Buffer.byteLength(expected)));
        }
      }
      const headless = await get(served.url, '/headless.html');
      expect(headless.body).toBe('<!doctype html><p>No head</p>\n');
    } finally {
      await served.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});
