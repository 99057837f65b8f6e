// @vitest-environment happy-dom
import { html, nothing } from 'lit';
import { describe, expect, it, vi } from 'vitest';
import type { ReaderClaim } from './claim-index.ts';
import { type ClaimMapElement, defineClaimMap, groupTicks } from './claim-map.ts';
import { ReaderPart } from './reader-part.ts';

describe('groupTicks', () => {
  const claims = (count: number): ReaderClaim[] =>
    Array.from({ length: count }, (_, index) => ({ id: `c${index + 1}`, number: index + 1 }) as ReaderClaim);
  const ids = (ticks: ReturnType<typeof groupTicks>) =>
    ticks.map((tick) => tick.claims.map((claim) => claim.id));

  it('should give each claim a tick of its own when there are no more than the most', () => {
    // Arrange
    const list = claims(3);

    // Act
    const ticks = groupTicks(list, [0.5, undefined, 0.1], 3);

    // Assert
    expect(ids(ticks)).toEqual([['c1'], ['c2'], ['c3']]);
    expect(ticks.map((tick) => tick.top)).toEqual([0.5, undefined, 0.1]);
  });

  it('should group more claims than the most by stretch of the article, in order, leaving out unplaced ones', () => {
    // Arrange
    const list = claims(6);

    // Act
    const ticks = groupTicks(list, [0.9, 0.05, 0.3, undefined, 0.95, 1], 4);

    // Assert
    expect(ids(ticks)).toEqual([['c2'], ['c3'], ['c1', 'c5', 'c6']]);
    expect(ticks.map((tick) => tick.top)).toEqual([0.05, 0.3, 0.9]);
  });
});

describe('<marginalia-claim-map>', () => {
  type TestMap = ClaimMapElement & {
    ticks: Array<{ top: number | undefined }>;
    updateComplete: Promise<boolean>;
    measure(): void;
  };

  /** The map of `claims` in `article`, ready to show, not yet in the page. */
  function mapOf(article: HTMLElement, claims: ReaderClaim[]): TestMap {
    const map = document.createElement('marginalia-claim-map') as TestMap;
    Object.assign(map, { article, claims, ready: true });
    return map;
  }

  /**
   * `count` claims, each with one mark at `top` px in an article 10,000 px tall; reads counted,
   * and each read of a mark's place taking 0.1 ms of `clock` when one is given.
   */
  function page(count: number, clock?: { now: number }) {
    const reads = { count: 0 };
    const box = (top: number, height: number) => ({ top, height, width: 600 }) as DOMRect;
    const article = document.createElement('article');
    article.getBoundingClientRect = () => box(0, 10_000);
    const claims = Array.from({ length: count }, (_, index) => {
      const mark = document.createElement('mark');
      mark.getBoundingClientRect = () => {
        reads.count++;
        if (clock) clock.now += 0.1;
        return box((index / count) * 10_000, 20);
      };
      return { id: `c${index + 1}`, number: index + 1, marks: [mark] } as unknown as ReaderClaim;
    });
    return { reads, article, claims };
  }

  it('should read the places of many claims in short slices when the browser is idle, then show their ticks', async () => {
    // Arrange: each read takes 0.1 ms of the page's clock.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const time = { now: 0 };
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => time.now);
    defineClaimMap({ ReaderPart, html, nothing });
    const { reads, article, claims } = page(2500, time);
    const map = mapOf(article, claims);

    // Act
    document.body.append(map);
    await map.updateComplete;
    const beforeIdle = reads.count;
    vi.advanceTimersToNextTimer();
    const first = reads.count;
    vi.runAllTimers();
    await map.updateComplete;
    vi.useRealTimers();
    clock.mockRestore();

    // Assert: nothing is read in the task that rendered; the first slice stops soon after 8 ms (it looks at the clock every 64 claims),
    // later ones read the rest; one tick per stretch.
    expect(beforeIdle).toBe(0);
    expect(first).toBe(128);
    expect(reads.count).toBe(2500);
    expect(map.ticks).toHaveLength(200);
    map.remove();
  });

  it('should measure again from the start when it is moved while measuring', async () => {
    // Arrange
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const time = { now: 0 };
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => time.now);
    defineClaimMap({ ReaderPart, html, nothing });
    const { reads, article, claims } = page(2500, time);
    const map = mapOf(article, claims);
    document.body.append(map);
    await map.updateComplete;
    vi.advanceTimersToNextTimer(); // the first slice
    expect(reads.count).toBeLessThan(2500);

    // Act: moved elsewhere in the page after the first slice.
    const elsewhere = document.createElement('div');
    document.body.append(elsewhere);
    elsewhere.append(map);
    await map.updateComplete;
    map.measure();
    vi.runAllTimers();
    await map.updateComplete;
    vi.useRealTimers();
    clock.mockRestore();

    // Assert
    expect(map.ticks).toHaveLength(200);
    expect(map.ticks.every((tick) => tick.top !== undefined)).toBe(true);
    elsewhere.remove();
  });

  it('should measure again when the window is resized and the article with it', async () => {
    // Arrange: five claims, measured once in an article 10,000 px tall.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    defineClaimMap({ ReaderPart, html, nothing });
    const { article, claims } = page(5);
    const map = mapOf(article, claims);
    document.body.append(map);
    await map.updateComplete;
    vi.runAllTimers();
    await map.updateComplete;
    const before = map.ticks.map((tick) => tick.top);

    // Act: the article twice as tall, its marks where they were.
    article.getBoundingClientRect = () => ({ top: 0, height: 20_000, width: 600 }) as DOMRect;
    window.dispatchEvent(new Event('resize'));
    vi.runAllTimers();
    await map.updateComplete;
    vi.useRealTimers();

    // Assert
    expect(before).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(map.ticks.map((tick) => tick.top)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    map.remove();
  });

  it("should read each paragraph's place once for all the claims in it", async () => {
    // Arrange
    defineClaimMap({ ReaderPart, html, nothing });
    const article = document.createElement('article');
    article.getBoundingClientRect = () => ({ top: 0, height: 1000, width: 600 }) as DOMRect;
    const reads = new Map<string, number>();
    const paragraphs = [100, 600].map((top, index) => {
      const paragraph = document.createElement('p');
      paragraph.dataset.paragraph = String(index + 1);
      paragraph.getBoundingClientRect = () => {
        reads.set(`p${index + 1}`, (reads.get(`p${index + 1}`) ?? 0) + 1);
        return { top, height: 200, width: 600 } as DOMRect;
      };
      article.append(paragraph);
      return paragraph;
    });
    const claims = [0, 0, 0, 1, 1].map((at, index) => {
      const mark = document.createElement('mark');
      mark.getBoundingClientRect = () => {
        reads.set('mark', (reads.get('mark') ?? 0) + 1);
        return { top: 0, height: 20, width: 60 } as DOMRect;
      };
      paragraphs[at]?.append(mark);
      return { id: `c${index + 1}`, number: index + 1, marks: [mark] } as unknown as ReaderClaim;
    });
    const map = mapOf(article, claims);

    // Act
    document.body.append(map);
    await map.updateComplete;
    await new Promise((resolve) => setTimeout(resolve));
    await map.updateComplete;

    // Assert
    expect(Object.fromEntries(reads)).toEqual({ p1: 1, p2: 1 });
    expect(map.ticks.map((tick) => tick.top)).toEqual([0.1, 0.1, 0.1, 0.6, 0.6]);
    map.remove();
  });
});
