/**
 * The editing API as the page calls it: same-origin `fetch` with the run's token on every
 * request, JSON both ways. A refusal is an `ApiError` with the server's code and message.
 */
import {
  servePrefix,
  tokenHeader,
  type ClaimsState,
  type EditAnswer,
  type EditChange,
  type ErrorAnswer,
  type ParseReferenceAnswer,
  type PreviewAnswer,
  type QuoteAnswer,
  type QuoteRequest,
} from './protocol.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly answer: ErrorAnswer;
  constructor(status: number, answer: ErrorAnswer) {
    super(answer.message);
    this.status = status;
    this.answer = answer;
  }
}

export class EditorApi {
  readonly slug: string;
  private readonly _token: string;

  constructor(token: string, slug: string) {
    this._token = token;
    this.slug = slug;
  }

  claims(): Promise<ClaimsState> {
    return this._call<ClaimsState>(`claims?slug=${encodeURIComponent(this.slug)}`);
  }

  quote(selection: Omit<QuoteRequest, 'slug'>): Promise<QuoteAnswer> {
    return this._call<QuoteAnswer>('quote', { slug: this.slug, ...selection });
  }

  preview(markdown: string): Promise<PreviewAnswer> {
    return this._call<PreviewAnswer>('preview', { markdown });
  }

  parseReference(text: string, lookup = false): Promise<ParseReferenceAnswer> {
    return this._call<ParseReferenceAnswer>('references/parse', {
      slug: this.slug,
      text,
      ...(lookup ? { lookup } : {}),
    });
  }

  edit(hash: string, change: EditChange): Promise<EditAnswer> {
    return this._call<EditAnswer>('edit', { slug: this.slug, hash, change });
  }

  private async _call<T>(route: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${servePrefix}api/${route}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          [tokenHeader]: this._token,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new ApiError(0, {
        error: 'unavailable',
        message: 'The server does not answer: is `marginalia serve` still running?',
      });
    }
    const data = (await response.json().catch(() => ({}))) as unknown;
    if (!response.ok) {
      const answer = data as Partial<ErrorAnswer>;
      throw new ApiError(response.status, {
        error: answer.error ?? 'bad-request',
        message: answer.message ?? `The server answered ${response.status}`,
        ...(answer.problems ? { problems: answer.problems } : {}),
      });
    }
    return data as T;
  }
}
