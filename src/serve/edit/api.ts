/**
 * The editing API of edit mode, under `/__marginalia/api/`. Every request passes the guard
 * (token, origin), every body is JSON of at most 1 MB checked against its schema
 * (`request-schemas.ts`); every answer is JSON (`src/editor/protocol.ts`).
 *
 * - `GET claims?slug=S`: the article's claims and references as the file has them, and its hash;
 * - `POST quote`: a selection of the page → the claim's quote, context and a proposed id;
 * - `POST preview`: a note's Markdown → sanitised hast (the build's own note rendering);
 * - `POST references/parse`: pasted BibTeX, RIS, CSL-JSON, DOI or URL → references;
 * - `POST edit`: one change to the claims file (`claims-file.ts`); answered once the article is
 *   rebuilt, so that the page can reload straight away.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { VFile } from 'vfile';
import type { ArticlePaths } from '../../build/discover.ts';
import { formatReference } from '../../cite/index.ts';
import { readClaims } from '../../claims/read-claims.ts';
import { claimKinds, verdicts, type CslItem } from '../../claims/types.ts';
import type {
  ClaimInput,
  ClaimsState,
  EditAnswer,
  ErrorAnswer,
  ReferenceSummary,
} from '../../editor/protocol.ts';
import { renderNote } from '../../pipeline/note-markdown.ts';
import type { Rebuilder } from '../rebuilder.ts';
import { articleBlocks } from './article-blocks.ts';
import { changeClaimsFile, formatOf, InvalidChangeError, readClaimsText, StaleError } from './claims-file.ts';
import type { Guard } from './guard.ts';
import { ChangeError } from './operations.ts';
import { proposeQuote } from './propose-quote.ts';
import { LookupError, parseReferences } from './references.ts';
import { problemOf, validators } from './request-schemas.ts';

export interface EditApiOptions {
  guard: Guard;
  cwd: string;
  articles: () => readonly ArticlePaths[];
  rebuilder: Rebuilder;
}

/** The largest request body accepted. */
export const maxBodyBytes = 1024 * 1024;

class HttpError extends Error {
  readonly status: number;
  readonly answer: ErrorAnswer;
  constructor(status: number, answer: ErrorAnswer) {
    super(answer.message);
    this.status = status;
    this.answer = answer;
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const json = Buffer.from(JSON.stringify(body));
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': json.length,
    'Cache-Control': 'no-store',
  });
  response.end(json);
}

/** The request's JSON body, checked against `validate`. */
async function body<T>(request: IncomingMessage, validate: ValidateFunction<T>): Promise<T> {
  if (request.method !== 'POST') throw new HttpError(405, { error: 'bad-request', message: 'Use POST' });
  if (!/^application\/json\b/iu.test(request.headers['content-type'] ?? ''))
    throw new HttpError(415, { error: 'bad-request', message: 'The body must be JSON (application/json)' });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes)
      throw new HttpError(413, {
        error: 'too-large',
        message: `The request is larger than ${maxBodyBytes / 1024} KB`,
      });
    chunks.push(chunk);
  }
  let data: unknown;
  try {
    data = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, { error: 'bad-request', message: 'The body is not JSON' });
  }
  if (!validate(data)) throw new HttpError(400, { error: 'bad-request', message: problemOf(validate) });
  return data;
}

export function editApi(options: EditApiOptions) {
  const { guard, cwd } = options;
  const articleOf = (slug: string): ArticlePaths => {
    const article = options.articles().find((candidate) => candidate.slug === slug);
    if (!article?.claims)
      throw new HttpError(404, { error: 'not-found', message: `No article "${slug}" with a claims file` });
    return article;
  };

  const routes: Record<string, (request: IncomingMessage, url: URL) => Promise<unknown>> = {
    claims: async (request, url) => {
      if (request.method !== 'GET') throw new HttpError(405, { error: 'bad-request', message: 'Use GET' });
      return claimsState(articleOf(url.searchParams.get('slug') ?? ''), cwd);
    },
    quote: async (request) => {
      const quote = await body(request, validators.quote);
      const article = articleOf(quote.slug);
      const { text } = await readClaimsText(article.claims ?? '');
      return proposeQuote(
        await articleBlocks(article),
        quote,
        idsOf(formatOf(article.claims ?? '').data(text).claims),
      );
    },
    preview: async (request) => ({ nodes: renderNote((await body(request, validators.preview)).markdown) }),
    'references/parse': async (request) => {
      const parse = await body(request, validators.parseReference);
      const article = articleOf(parse.slug);
      const { text } = await readClaimsText(article.claims ?? '');
      const taken = idsOf(formatOf(article.claims ?? '').data(text).references);
      return parseReferences(parse.text, taken, parse.lookup === true);
    },
    edit: async (request): Promise<EditAnswer> => {
      const edit = await body(request, validators.edit);
      const article = articleOf(edit.slug);
      const hash = await changeClaimsFile(article, edit.hash, edit.change, cwd);
      const outcome = await options.rebuilder.rebuild([article]);
      return { hash, rebuilt: outcome.rebuilt.includes(article.slug) };
    },
  };

  return async (request: IncomingMessage, response: ServerResponse, route: string): Promise<boolean> => {
    const handler = routes[route];
    if (!handler) return false;
    const refused = guard.api(request);
    if (refused !== undefined) {
      send(response, 403, { error: 'forbidden', message: refused } satisfies ErrorAnswer);
      return true;
    }
    try {
      send(response, 200, await handler(request, new URL(request.url ?? '/', 'http://localhost')));
    } catch (cause) {
      const [status, answer] = refusal(cause);
      send(response, status, answer);
    }
    return true;
  };
}

function refusal(cause: unknown): [number, ErrorAnswer] {
  if (cause instanceof HttpError) return [cause.status, cause.answer];
  if (cause instanceof StaleError) return [409, { error: 'stale', message: cause.message }];
  if (cause instanceof InvalidChangeError)
    return [422, { error: 'invalid', message: cause.message, problems: cause.problems }];
  if (cause instanceof ChangeError) return [422, { error: 'invalid', message: cause.message }];
  if (cause instanceof LookupError) return [503, { error: 'unavailable', message: cause.message }];
  throw cause;
}

function idsOf(items: readonly unknown[]): string[] {
  return items.flatMap((item) => {
    const id = (item as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? [id] : [];
  });
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

async function claimsState(article: ArticlePaths, cwd: string): Promise<ClaimsState> {
  const file = article.claims ?? '';
  const { text, hash } = await readClaimsText(file);
  const data = formatOf(file).data(text);
  const claims = data.claims.map((item): ClaimInput => {
    const fields = (item ?? {}) as Record<string, unknown>;
    const optional = (key: string) => {
      const value = stringOf(fields[key]);
      return value === undefined ? {} : { [key]: value };
    };
    return {
      id: stringOf(fields['id']) ?? '',
      quote: stringOf(fields['quote']) ?? '',
      ...optional('prefix'),
      ...optional('suffix'),
      kind: stringOf(fields['kind']) ?? '',
      ...optional('verdict'),
      note: stringOf(fields['note']) ?? '',
      cites: Array.isArray(fields['cites']) ? fields['cites'].filter((id) => typeof id === 'string') : [],
    };
  });
  // Formatted from the references as the build reads them (dates normalised), where it can.
  const read = readClaims(new VFile({ path: file, value: text }));
  const formatted = new Map((read?.references ?? []).map((reference) => [reference.id, reference]));
  const references = data.references.flatMap((item): ReferenceSummary[] => {
    const reference = item as CslItem;
    if (typeof reference?.id !== 'string') return [];
    let summary = reference.title ?? reference.id;
    try {
      const valid = formatted.get(reference.id);
      if (valid) summary = formatReference(valid, 'apa').text;
    } catch {
      // An item the style cannot format (the build reports why): listed by its title.
    }
    return [{ id: reference.id, text: summary }];
  });
  return {
    slug: article.slug,
    file: path.relative(cwd, file),
    hash,
    claims,
    references,
    kinds: [...claimKinds],
    verdicts: [...verdicts],
  };
}
