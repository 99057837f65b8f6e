import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { LiveProblem } from './protocol.ts';

/**
 * The problems of a failed build, over the page (in watch and edit mode): each as
 * `FILE:LINE:COLUMN`, its message and its rule id, until the build succeeds. The page beneath is
 * the last good build, and the overlay says so.
 *
 * @summary The build's problems over the page.
 * @csspart overlay - The overlay's panel.
 */
@customElement('marginalia-problems')
export class MarginaliaProblems extends LitElement {
  static override styles = css`
    :host {
      position: fixed;
      inset: 0;
      z-index: 2147483646;
      display: block;
      background: rgb(0 0 0 / 0.66);
      overflow: auto;
      font:
        15px/1.5 ui-sans-serif,
        system-ui,
        sans-serif;
    }
    :host([hidden]) {
      display: none;
    }
    section {
      max-width: 60rem;
      margin: 4rem auto;
      padding: 1.25rem 1.5rem;
      background: #1d1f24;
      color: #f2f2f2;
      border-top: 6px solid #e5484d;
      border-radius: 6px;
      box-shadow: 0 12px 40px rgb(0 0 0 / 0.5);
    }
    h2 {
      margin: 0 0 0.25rem;
      font-size: 1.15rem;
      color: #ff9592;
    }
    p.hint {
      margin: 0 0 1rem;
      color: #b4b4b4;
    }
    ol {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      padding: 0.6rem 0;
      border-top: 1px solid #3a3d45;
    }
    .place {
      font:
        13px/1.4 ui-monospace,
        SFMono-Regular,
        Menlo,
        monospace;
      color: #8ec5ff;
    }
    .severity[data-severity='error'] {
      color: #ff9592;
      font-weight: 600;
    }
    .severity[data-severity='warning'] {
      color: #ffc53d;
    }
    .rule {
      font:
        13px ui-monospace,
        SFMono-Regular,
        Menlo,
        monospace;
      color: #b4b4b4;
    }
    .message {
      display: block;
      margin-top: 0.15rem;
      white-space: pre-wrap;
    }
  `;

  /** The problems to show; none hides the overlay. */
  @property({ attribute: false }) problems: readonly LiveProblem[] = [];

  protected override willUpdate(): void {
    this.hidden = this.problems.length === 0;
  }

  protected override render() {
    if (this.problems.length === 0) return nothing;
    const errors = this.problems.filter((problem) => problem.severity === 'error').length;
    return html`<section part="overlay" role="alertdialog" aria-labelledby="title" aria-describedby="hint">
      <h2 id="title">The build failed: ${errors} ${errors === 1 ? 'error' : 'errors'}</h2>
      <p class="hint" id="hint">
        The page below is the last good build. Fix the file and save: this goes away when it builds.
      </p>
      <ol>
        ${this.problems.map(
          (problem) =>
            html`<li data-rule=${problem.ruleId ?? ''}>
              <span class="place">${problem.file}:${problem.line ?? 1}:${problem.column ?? 1}</span>
              <span class="severity" data-severity=${problem.severity}>${problem.severity}</span>
              ${problem.ruleId ? html`<span class="rule">[${problem.ruleId}]</span>` : nothing}
              <span class="message">${problem.message}</span>
            </li>`,
        )}
      </ol>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'marginalia-problems': MarginaliaProblems;
  }
}
