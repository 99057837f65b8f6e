/**
 * Edit mode's guard and API over real HTTP: the token, the Host and Origin checks, the body
 * checks, and what the pages get (and the built files never do).
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite, ServeError, type Site } from '../site.ts';

let folder: string;
let site: Site;
let port: string;

interface Reply {
  status: number;
  type: string;
  body: string;
}

/** A raw request, so that Host and Origin can be anything. */
function send(
  method: string,
  pathname: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const sent = request({ hostname: '127.0.0.1', port, path: pathname, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          type: String(response.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

const own = (): Record<string, string> => ({
  host: `127.0.0.1:${port}`,
  origin: `http://127.0.0.1:${port}`,
  'x-marginalia-token': site.token ?? '',
  'content-type': 'application/json',
});

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'marginalia-api-'));
  await cp(path.join(import.meta.dirname, '../../../test/fixtures/basic-txt'), path.join(folder, 'article'), {
    recursive: true,
  });
  site = await serveSite({
    paths: [path.join(folder, 'article')],
    out: path.join(folder, 'build'),
    host: '127.0.0.1',
    port: 0,
    watch: true,
    edit: true,
    cwd: folder,
    stdout: () => undefined,
    stderr: () => undefined,
  });
  port = new URL(site.url).port;
});

afterAll(async () => {
  await site?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('edit mode’s API', () => {
  it('should give the served pages the token and the script, and never the built files', async () => {
    // Arrange
    const headers = { host: `127.0.0.1:${port}` };

    // Act
    const page = await send('GET', '/article/', headers);
    const script = await send('GET', '/__marginalia/client.js', headers);
    const built = await readFile(path.join(folder, 'build/article/index.html'), 'utf8');

    // Assert
    expect(site.token).toMatch(/^[0-9a-f]{48}$/u);
    expect(page.body).toContain(`<meta name="marginalia-serve" data-mode="edit" data-token="${site.token}">`);
    expect(page.body).toContain('<script type="module" src="/__marginalia/client.js"></script></head>');
    expect(script.type).toBe('text/javascript; charset=utf-8');
    expect(script.body).toContain('marginalia-claim-form');
    expect(script.body).toContain('marginalia-reference-form');
    expect(script.body).toContain('marginalia-problems');
    expect(script.body).not.toContain(site.token);
    expect(built).not.toContain('marginalia-serve');
    expect(built).not.toContain('__marginalia');
  });

  it('should answer a request from its own page', async () => {
    // Arrange
    const headers = own();

    // Act
    const reply = await send('GET', '/__marginalia/api/claims?slug=article', headers);

    // Assert
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({
      slug: 'article',
      file: path.join('article', 'article.claims.yaml'),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/u),
      claims: [
        expect.objectContaining({ id: 'river-length', quote: 'the river is 120 km long' }),
        expect.objectContaining({ id: 'bridge-2030', cites: [] }),
      ],
      references: [{ id: 'survey-2020', text: expect.stringContaining('River survey') }],
    });
  });

  it('should refuse a request without the token, from another origin, or for another host', async () => {
    // Arrange
    const withoutToken = { ...own(), 'x-marginalia-token': 'f'.repeat(48) };
    const otherOrigin = { ...own(), origin: 'http://evil.example' };
    const otherSite = { ...own(), 'sec-fetch-site': 'cross-site' };
    const rebound = { ...own(), host: `evil.example:${port}` };

    // Act
    const replies = await Promise.all([
      send('GET', '/__marginalia/api/claims?slug=article', withoutToken),
      send('POST', '/__marginalia/api/edit', otherOrigin, '{}'),
      send('POST', '/__marginalia/api/edit', otherSite, '{}'),
      send('GET', '/article/', rebound),
    ]);

    // Assert
    expect(replies.map((reply) => reply.status)).toEqual([403, 403, 403, 403]);
    expect(replies[0]?.body).toContain('does not carry the token');
    expect(replies[1]?.body).toContain('http://evil.example may not edit');
    expect(replies[3]?.body).not.toContain(site.token);
  });

  it('should refuse a body that is not JSON, too large, or not what the schema says', async () => {
    // Arrange
    const form = { ...own(), 'content-type': 'application/x-www-form-urlencoded' };

    // Act
    const replies = await Promise.all([
      send('POST', '/__marginalia/api/edit', form, 'a=1'),
      send('POST', '/__marginalia/api/preview', own(), JSON.stringify({ markdown: 'x'.repeat(1024 * 1024) })),
      send('POST', '/__marginalia/api/edit', own(), '{not json'),
      send(
        'POST',
        '/__marginalia/api/edit',
        own(),
        JSON.stringify({ slug: 'article', hash: 'x', change: {} }),
      ),
      send(
        'POST',
        '/__marginalia/api/edit',
        own(),
        JSON.stringify({
          slug: 'article',
          hash: '0'.repeat(64),
          change: {
            type: 'add-claim',
            claim: { id: 'Bad Id', quote: 'q', kind: 'fact', note: '', cites: [] },
          },
        }),
      ),
    ]);

    // Assert
    expect(replies.map((reply) => reply.status)).toEqual([415, 413, 400, 400, 400]);
    expect(JSON.parse(replies[4]?.body ?? '{}')).toMatchObject({
      error: 'bad-request',
      message: expect.stringContaining('/change'),
    });
  });

  it('should render a note’s preview as the build does, without raw HTML', async () => {
    // Arrange
    const markdown = 'Some *emphasis* <script>alert(1)</script> [link](javascript:alert(1))';

    // Act
    const reply = await send('POST', '/__marginalia/api/preview', own(), JSON.stringify({ markdown }));

    // Assert
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('"tagName":"em"');
    expect(reply.body).not.toContain('script');
    expect(reply.body).not.toContain('javascript:');
  });

  it('should refuse --edit on an address other than this machine', async () => {
    // Arrange
    const options = {
      paths: [path.join(folder, 'article')],
      out: path.join(folder, 'elsewhere'),
      host: '0.0.0.0',
      port: 0,
      watch: false,
      edit: true,
      stdout: () => undefined,
      stderr: () => undefined,
    };

    // Act
    const attempt = serveSite(options);

    // Assert
    await expect(attempt).rejects.toThrow(ServeError);
  });
});
