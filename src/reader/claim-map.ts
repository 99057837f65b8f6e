import type { PropertyValues, TemplateResult } from 'lit';
import type { ReaderClaim } from './claim-index.ts';
import { partEvent } from './events.ts';
import { defineOnce, type PartKit } from './part-kit.ts';

/**
 * The most ticks the claim map shows: up to this many claims get a tick each; more are grouped by
 * where they sit, one tick per stretch of the article (the map is a few hundred pixels tall, so
 * finer ticks could not be told apart anyway).
 */
const mostTicks = 200;

/**
 * How long the map reads places in one task, in milliseconds (see `_measureFrom`): a page of
 * 10,000 claims takes ~150 ms on a slow machine, in short tasks when the browser is idle, so a
 * reader scrolling or clicking meanwhile never waits on it.
 */
const measureSlice = 8;

/** Runs `work` when the browser is next idle (or soon, where it cannot say); returns a cancel. */
function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout: 1000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(work);
  return () => clearTimeout(handle);
}

/** A tick of the claim map: its claims (a click opens the first) and where it sits. */
export interface MapTick {
  /** Its claims, in note order: one, unless the article has more claims than `mostTicks`. */
  claims: [ReaderClaim, ...ReaderClaim[]];
  /** Its place as a fraction of the article's height; undefined while unmeasured or unplaced. */
  top: number | undefined;
}

/** The claim map, as the reader sets it. */
export interface ClaimMapElement extends HTMLElement {
  claims: readonly ReaderClaim[];
  /** `article.marginalia-article`, whose height the map stands for. */
  article: HTMLElement | null;
  /** The claims whose notes are open. */
  open: readonly string[];
  ready: boolean;
}

/**
 * Defines `<marginalia-claim-map>`: the slim map of the claims beside the article: a tick where each claim sits (coloured by its
 * verdict), the open ones marked, and a thumb showing which stretch of the article is in view.
 * For the pointer only (hidden from assistive technology: the claims panel lists the same).
 *
 * @fires marginalia-claim-choose - A tick was clicked. `detail: {claimId, source: 'map'}`.
 */
export function defineClaimMap({ ReaderPart, html }: PartKit): void {
  class ClaimMap extends ReaderPart implements ClaimMapElement {
    static override properties = {
      claims: { attribute: false },
      article: { attribute: false },
      open: { attribute: false },
      ready: { type: Boolean },
      ticks: { state: true },
    };

    declare claims: readonly ReaderClaim[];
    declare article: HTMLElement | null;
    declare open: readonly string[];
    declare ready: boolean;
    declare ticks: readonly MapTick[];

    constructor() {
      super();
      this.claims = [];
      this.article = null;
      this.open = [];
      this.ready = false;
      this.ticks = [];
    }

    /** The article's size when the ticks were last measured. */
    private _measured = '';
    /** False when the rendered ticks still need their places written. */
    private _placed = false;
    private _frame = 0;
    /** The latest measurement; a slice of an earlier one stops. */
    private _run = 0;
    private _cancelSlice: (() => void) | undefined;
    private _cancelMeasure: (() => void) | undefined;

    override connectedCallback(): void {
      super.connectedCallback();
      window.addEventListener('scroll', this._onScroll, { passive: true });
      // The article's size changes with the window's, its fonts and the reader's text size (an
      // update of the reader, so of the map): measured again when the browser is next idle. A
      // resize observer on a long article made the frame that first shows the map a long task
      // (50-70 ms after load on 10,000 claims, in half the loads).
      window.addEventListener('resize', this._measureWhenIdle);
      void document.fonts?.ready.then(this._measureWhenIdle);
    }

    override disconnectedCallback(): void {
      super.disconnectedCallback();
      window.removeEventListener('scroll', this._onScroll);
      window.removeEventListener('resize', this._measureWhenIdle);
      cancelAnimationFrame(this._frame);
      this._cancelMeasure?.();
      this._stopMeasuring();
    }

    protected override willUpdate(changed: PropertyValues): void {
      if (changed.has('claims')) {
        this.ticks = groupTicks(this.claims, [], mostTicks);
        this._stopMeasuring();
      }
      if (changed.has('ticks')) this._placed = false;
    }

    /**
     * Places the rendered ticks now and measures when the browser is next idle: reading the
     * article's place here would make the browser lay out the page inside the task that
     * rendered (on a page of 10,000 claims, the task after load that a reader would wait on).
     */
    protected override updated(): void {
      this._placeTicks();
      this._measureWhenIdle();
    }

    private readonly _measureWhenIdle = (): void => {
      this._cancelMeasure?.();
      this._cancelMeasure = whenIdle(() => this.measure());
    };

    protected override render(): TemplateResult {
      const open = new Set(this.open);
      return html`<div class="map" part="map" aria-hidden="true" ?hidden=${!this.ready}>
        ${this.ticks.map(({ claims: [claim, ...others] }) => {
          const more = others.length > 0 ? ` and ${others.length} more` : '';
          return html`<button
            class="tick"
            tabindex="-1"
            data-claim=${claim.id}
            data-kind=${claim.kind}
            data-verdict=${claim.verdict}
            ?data-active=${open.has(claim.id) || others.some((other) => open.has(other.id))}
            title="Note ${claim.number}: ${claim.kindLabel}, ${claim.verdictLabel}${more}"
            @click=${() =>
              this.dispatchEvent(partEvent('marginalia-claim-choose', { claimId: claim.id, source: 'map' }))}
          ></button>`;
        })}
        <div class="thumb"></div>
      </div>`;
    }

    /**
     * Measures where the claims sit, when the article's size changed since the last time (the
     * ticks' places are fractions of its height), and writes the ticks' places once they are
     * rendered. Every position is read before anything is written: a write between reads would
     * make the browser lay out the page again for each claim.
     */
    measure(): void {
      const area = this.article?.getBoundingClientRect();
      if (!area || area.height <= 0) return;
      const size = `${area.width}x${area.height}`;
      if (size !== this._measured) {
        this._measured = size;
        this._measureFrom([], ++this._run);
      }
      this._placeTicks();
      this._placeThumb();
    }

    /**
     * Reads the claims' places: each claim's block (its numbered paragraph, or its first mark
     * outside one) is read once, a block's box being far cheaper to read than a passage's
     * inline fragments (10,000 passages took ~100 ms, and more in slices that each laid out
     * the page again), and a tick's place needs no finer grain than a block. Places are read
     * for `measureSlice` milliseconds per task, the next slice when the browser is idle (just
     * after it has drawn a frame, when the page is laid out and reading it costs nothing more);
     * a later measurement (`run`) supersedes one under way. Each slice reads the article's place
     * again, so a scroll between slices changes nothing.
     */
    private _measureFrom(
      tops: Array<number | undefined>,
      run: number,
      blocks = new Map<Element, number | undefined>(),
    ): void {
      if (run !== this._run) return;
      const area = this.article?.getBoundingClientRect();
      if (!area || area.height <= 0) {
        this._measured = ''; // not laid out now: measured again from the start next time
        return;
      }
      const until = performance.now() + measureSlice;
      while (tops.length < this.claims.length && (tops.length % 64 !== 0 || performance.now() < until)) {
        const mark = this.claims[tops.length]?.marks[0];
        const block = mark?.closest('[data-paragraph]') ?? mark;
        if (block === undefined) {
          tops.push(undefined);
          continue;
        }
        let top = blocks.get(block);
        if (!blocks.has(block)) {
          top = (block.getBoundingClientRect().top - area.top) / area.height;
          blocks.set(block, top);
        }
        tops.push(top);
      }
      if (tops.length < this.claims.length) {
        this._cancelSlice = whenIdle(() => this._measureFrom(tops, run, blocks));
        return;
      }
      const ticks = groupTicks(this.claims, tops, mostTicks);
      const same =
        ticks.length === this.ticks.length &&
        ticks.every((tick, index) => tick.claims[0] === this.ticks[index]?.claims[0]);
      if (same) ticks.forEach((tick, index) => Object.assign(this.ticks[index] ?? {}, tick));
      else this.ticks = ticks;
      this._placed = false;
      this._placeTicks();
    }

    /** Stops a measurement under way: the next `measure()` starts one from the start. */
    private _stopMeasuring(): void {
      this._run += 1;
      this._cancelSlice?.();
      this._measured = '';
    }

    private _placeTicks(): void {
      if (this._placed) return;
      const elements = this.querySelectorAll<HTMLElement>('.tick');
      if (elements.length !== this.ticks.length) return; // rendered on the next update
      this._placed = true;
      elements.forEach((element, index) => {
        const top = this.ticks[index]?.top;
        element.hidden = top === undefined;
        element.style.top = `${(top ?? 0) * 100}%`;
      });
    }

    /** Shows which stretch of the article is in view. */
    private _placeThumb(): void {
      const area = this.article?.getBoundingClientRect();
      const thumb = this.querySelector<HTMLElement>('.thumb');
      if (!area || !thumb || area.height <= 0) return;
      const start = Math.min(1, Math.max(0, -area.top / area.height));
      const end = Math.min(1, Math.max(start, (innerHeight - area.top) / area.height));
      thumb.style.top = `${start * 100}%`;
      thumb.style.height = `${(end - start) * 100}%`;
    }

    private readonly _onScroll = (): void => {
      cancelAnimationFrame(this._frame);
      this._frame = requestAnimationFrame(() => this._placeThumb());
    };
  }
  defineOnce('marginalia-claim-map', ClaimMap);
}

/**
 * The claim map's ticks from the claims' places (fractions of the article's height, undefined
 * for a claim without marks): a tick per claim when there are at most `most` claims (a claim
 * without marks gets one too, never placed), else one per stretch of `1 / most` of the article
 * that holds claims, standing for all of them.
 */
export function groupTicks(
  claims: readonly ReaderClaim[],
  tops: ReadonlyArray<number | undefined>,
  most: number,
): MapTick[] {
  if (claims.length <= most) return claims.map((claim, index) => ({ claims: [claim], top: tops[index] }));
  const stretches = new Map<number, MapTick>();
  claims.forEach((claim, index) => {
    const top = tops[index];
    if (top === undefined) return;
    const stretch = Math.min(most - 1, Math.max(0, Math.floor(top * most)));
    const tick = stretches.get(stretch);
    if (!tick) stretches.set(stretch, { claims: [claim], top });
    else {
      tick.claims.push(claim);
      tick.top = Math.min(tick.top ?? top, top);
    }
  });
  return [...stretches.entries()].sort(([a], [b]) => a - b).map(([, tick]) => tick);
}

declare global {
  interface HTMLElementTagNameMap {
    'marginalia-claim-map': ClaimMapElement;
  }
}
