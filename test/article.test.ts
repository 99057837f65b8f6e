/**
 * The real article, built as a user builds it, checked against ../shared/CONTRACT.md: its
 * paragraphs and headings, every claim's marks, every note, and the W3C suite on its annotations.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { failedMusts, loadSuiteTest } from '../src/annotations/w3c-suite.ts';
import { compileArticle, type CompiledArticle } from '../src/build/compile-article.ts';
import { discoverArticles } from '../src/build/discover.ts';
import { claimKinds } from '../src/claims/types.ts';
import { pageContractProblems } from './page-contract.ts';

const articlePath = fileURLToPath(new URL('../article/sora-china-ai-video.txt', import.meta.url));
const claimsPath = fileURLToPath(new URL('../article/sora-china-ai-video.claims.yaml', import.meta.url));
const claims = (
  parse(readFileSync(claimsPath, 'utf8')) as { claims: Array<{ id: string; quote: string; kind: string }> }
).claims;

let built: CompiledArticle;
let document: Document;
beforeAll(async () => {
  const [article] = discoverArticles([articlePath]);
  if (!article) throw new Error('the article is missing');
  // Built as it is published: under an address (without one, the build says so).
  built = await compileArticle(article, { baseUrl: 'https://example.org/' });
  const window = new Window();
  document = new window.DOMParser().parseFromString(built.html ?? '', 'text/html') as unknown as Document;
});

describe('the Sora article', () => {
  it('should build with no message at all', () => {
    expect(built.files.flatMap((file) => file.messages.map(String))).toEqual([]);
    expect(built.ok).toBe(true);
  });

  it('should have 14 numbered paragraphs and 3 headings', () => {
    const article = document.querySelector('marginalia-reader article');
    expect(article?.querySelectorAll('p[id^="p-"][data-paragraph]')).toHaveLength(14);
    expect(article?.querySelectorAll('h2')).toHaveLength(3);
    expect([...(article?.querySelectorAll('h2') ?? [])].map((h) => h.textContent)).toEqual([
      'Sora’s impact on China’s AI landscape',
      'Challenges faced by Chinese tech giants',
      'ByteDance’s approach and challenges',
    ]);
  });

  it('should keep the page contract: flat marks reading exactly each quote, a note for each claim', () => {
    expect(pageContractProblems(built.html ?? '', claims)).toEqual([]);
  });

  it('should hold the article text verbatim, typos and curly quotes included', () => {
    const source = readFileSync(articlePath, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const blocks = [...document.querySelectorAll('marginalia-reader article > *')].map(
      (node) => node.textContent,
    );
    expect(blocks).toEqual(source);
    expect(blocks.join('\n')).toContain('China‘s position');
  });

  it('should meet the editorial floor: 25+ claims, one in every paragraph, all seven kinds', () => {
    expect(claims.length).toBeGreaterThanOrEqual(25);
    for (let n = 1; n <= 14; n += 1) {
      expect(document.querySelector(`#p-${n} mark`), `¶ ${n}`).not.toBeNull();
    }
    expect(new Set(claims.map((claim) => claim.kind))).toEqual(new Set(claimKinds));
  });

  it('should export annotations that pass every MUST of the W3C suite', () => {
    const collection = JSON.parse(built.annotations ?? '{}') as {
      first: { items: unknown[] };
      total: number;
    };
    expect(collection.total).toBe(claims.length);
    expect(failedMusts(loadSuiteTest('collections/collectionMusts.test'), collection)).toEqual([]);
    const annotationMusts = loadSuiteTest('annotations/annotationMusts.test');
    for (const annotation of collection.first.items) {
      expect(failedMusts(annotationMusts, annotation)).toEqual([]);
    }
  });
});
