import { css, unsafeCSS } from 'lit';
import { kindRules, wideQuery } from './theme.ts';

/**
 * The element's own styles (its shadow root): the reading layout with its margin, the toolbar,
 * note cards, the claims panel, the claim map and the help overlay. Colours come from the
 * `--marginalia-*` properties of the page stylesheet, for light and dark.
 */
export const readerStyles = css`
  :host {
    display: block;
    position: relative;
    --ui: var(--marginalia-font-ui, system-ui, sans-serif);
    --shadow: 0 1px 2px rgb(0 0 0 / 0.06), 0 8px 28px rgb(0 0 0 / 0.09);
  }
  :host([data-theme='dark']) {
    --shadow: 0 1px 2px rgb(0 0 0 / 0.4), 0 8px 28px rgb(0 0 0 / 0.5);
  }
  ${kindRules((kind) => `[data-kind=${kind}]`)}
  [hidden] {
    display: none !important;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  :focus-visible {
    outline: 2px solid var(--marginalia-focus);
    outline-offset: 2px;
  }
  h2 {
    margin: 0;
    font: inherit;
  }

  .toolbar {
    position: sticky;
    top: 0;
    z-index: 20;
    display: flex;
    align-items: center;
    gap: 0.2rem;
    height: 3rem;
    padding: 0 1.25rem;
    font: 0.875rem/1 var(--ui);
    background: color-mix(in srgb, var(--marginalia-bg) 90%, transparent);
    backdrop-filter: blur(8px);
    border-bottom: 1px solid var(--marginalia-rule);
  }
  .toolbar > * {
    flex: none;
    white-space: nowrap;
  }
  .brand {
    margin-right: auto;
    font-weight: 650;
    color: var(--marginalia-muted);
  }
  .tool,
  .link,
  .filter,
  .claim {
    font: inherit;
    color: inherit;
    background: none;
    border: 1px solid transparent;
    cursor: pointer;
  }
  .tool {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.35rem;
    min-width: 2.25rem;
    min-height: 2.25rem;
    padding: 0 0.65rem;
    border-radius: 99px;
    color: var(--marginalia-fg);
  }
  .tool:hover:not(:disabled),
  .claim:hover {
    background: color-mix(in srgb, var(--marginalia-fg) 7%, transparent);
  }
  .tool[aria-pressed='true'],
  .tool[aria-expanded='true'] {
    border-color: var(--marginalia-rule);
    background: var(--marginalia-surface);
  }
  .tool[aria-pressed='false'] {
    color: var(--marginalia-muted);
    text-decoration: line-through;
  }
  .tool:disabled {
    opacity: 0.4;
    cursor: default;
  }
  .tool.small {
    min-width: 2rem;
    min-height: 2rem;
    padding: 0 0.5rem;
    font: 0.8rem/1 var(--ui);
    text-decoration: none;
  }
  .tool-group {
    display: inline-flex;
  }
  .count {
    padding: 0.15rem 0.4rem;
    border-radius: 99px;
    font-size: 0.75rem;
    font-weight: 600;
    background: color-mix(in srgb, var(--marginalia-fg) 9%, transparent);
  }

  .layout {
    position: relative;
    display: grid;
    padding-bottom: 4rem;
  }
  .main {
    min-width: 0;
  }
  .cards {
    position: absolute;
    inset: 0 1rem;
    pointer-events: none;
  }
  @media ${unsafeCSS(wideQuery)} {
    .layout {
      grid-template-columns: minmax(0, calc(var(--marginalia-measure, 38rem) + 3rem)) var(
          --marginalia-margin-width,
          19rem
        );
      column-gap: 2rem;
      justify-content: center;
      padding-right: 1.5rem;
    }
    .cards {
      position: relative;
      inset: auto;
    }
  }

  .card {
    position: absolute;
    left: 0;
    right: 0;
    z-index: 10;
    padding: 0.6rem 0.9rem 0.3rem;
    pointer-events: auto;
    font: 0.8em/1.5 var(--marginalia-note-font, var(--marginalia-font-body, serif));
    color: var(--marginalia-fg);
    background: var(--marginalia-surface);
    border: 1px solid var(--marginalia-rule);
    border-top: 3px solid var(--k);
    border-radius: 0.5rem;
    box-shadow: var(--shadow);
    scroll-margin: 4rem 0 1rem;
  }
  .card:focus {
    outline: none;
  }
  .card:focus-visible {
    outline: 2px solid var(--marginalia-focus);
  }
  .card-head,
  .card-foot {
    display: flex;
    align-items: center;
    gap: 0.3rem 0.5rem;
    font: 0.75rem/1.2 var(--ui);
    color: var(--marginalia-muted);
  }
  .tags {
    flex: 1 1 0;
    min-width: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.3rem 0.5rem;
  }
  .pin + .tool {
    font-size: 1.2rem;
  }
  .chip {
    padding: 0.15rem 0.5rem;
    border: 1px solid var(--k);
    border-radius: 99px;
    font: 600 0.7rem/1.2 var(--ui);
    letter-spacing: 0.03em;
    text-transform: uppercase;
    color: var(--marginalia-fg);
    background: var(--kt);
  }
  .verdict {
    font-weight: 600;
  }
  .card p,
  .card ul {
    margin: 0.5rem 0;
  }
  .card a,
  .link {
    color: var(--marginalia-link);
    text-decoration: underline;
    text-underline-offset: 0.15em;
    overflow-wrap: anywhere;
  }
  .marginalia-note-sources {
    padding: 0.5rem 0 0 1rem;
    border-top: 1px solid var(--marginalia-rule);
    font: 0.8rem/1.45 var(--ui);
    color: var(--marginalia-muted);
  }
  .marginalia-note-sources li + li {
    margin-top: 0.3rem;
  }
  .others {
    font: 0.78rem/1.4 var(--ui);
    color: var(--marginalia-muted);
  }
  .link {
    padding: 0;
  }
  .card-foot {
    justify-content: space-between;
    padding-top: 0.3rem;
    border-top: 1px solid var(--marginalia-rule);
  }

  .map {
    position: fixed;
    top: 3.75rem;
    bottom: 0.75rem;
    right: 0.3rem;
    z-index: 15;
    width: 0.6rem;
    border-radius: 99px;
    background: color-mix(in srgb, var(--marginalia-fg) 6%, transparent);
  }
  .tick {
    position: absolute;
    left: 0;
    width: 100%;
    height: 0.3rem;
    margin-top: -0.15rem;
    padding: 0;
    border: 0;
    border-radius: 99px;
    background: var(--k);
    opacity: 0.75;
    cursor: pointer;
  }
  .tick:hover,
  .tick[data-active] {
    opacity: 1;
    transform: scale(1.6, 1.4);
  }
  .thumb {
    position: absolute;
    left: -0.15rem;
    right: -0.15rem;
    border: 1px solid color-mix(in srgb, var(--marginalia-fg) 35%, transparent);
    border-radius: 99px;
    pointer-events: none;
  }

  .panel,
  .help {
    box-sizing: border-box;
    padding: 0.75rem 1rem 1rem;
    font: 0.875rem/1.4 var(--ui);
    color: var(--marginalia-fg);
    background: var(--marginalia-surface);
    border: 1px solid var(--marginalia-rule);
    box-shadow: var(--shadow);
  }
  .panel {
    position: fixed;
    top: 3rem;
    left: 0;
    bottom: 0;
    z-index: 30;
    display: flex;
    flex-direction: column;
    gap: 0.6rem;
    width: min(24rem, 100%);
    overflow: auto;
  }
  .panel-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    font-size: 1rem;
    font-weight: 650;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem;
  }
  .filter {
    padding: 0.3rem 0.65rem;
    border-color: var(--marginalia-rule);
    border-radius: 99px;
    font-size: 0.8rem;
  }
  .filter::before {
    content: '';
    display: inline-block;
    width: 0.6em;
    height: 0.6em;
    margin-right: 0.4em;
    border-radius: 50%;
    background: var(--k);
  }
  .filter[aria-pressed='true'] {
    background: var(--kt);
    border-color: var(--k);
  }
  .verdict-filter {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  select {
    flex: 1;
    padding: 0.3rem;
    font: inherit;
    color: inherit;
    background: var(--marginalia-surface);
    border: 1px solid var(--marginalia-rule);
    border-radius: 0.35rem;
  }
  .shown,
  .help p {
    margin: 0;
    color: var(--marginalia-muted);
  }
  .claims {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .claim {
    display: grid;
    gap: 0.35rem;
    width: 100%;
    margin-bottom: 0.25rem;
    padding: 0.5rem 0.6rem;
    border-left: 3px solid var(--k);
    text-align: left;
  }
  .claim .para {
    margin-left: auto;
  }
  .excerpt {
    font: 0.95rem/1.4 var(--marginalia-note-font, var(--marginalia-font-body, serif));
  }

  .help {
    width: min(26rem, calc(100% - 2rem));
    border-radius: 0.5rem;
  }
  .help::backdrop {
    background: rgb(0 0 0 / 0.35);
  }
  .help dl {
    display: grid;
    grid-template-columns: 6rem 1fr;
    gap: 0.5rem;
  }
  .help dd {
    margin: 0;
  }
  kbd {
    margin-right: 0.25rem;
    padding: 0.1rem 0.4rem;
    font: 600 0.78rem/1.2 var(--ui);
    border: 1px solid var(--marginalia-rule);
    border-bottom-width: 2px;
    border-radius: 0.3rem;
  }

  @media (max-width: 40rem) {
    .label,
    .brand {
      display: none;
    }
    .toolbar {
      justify-content: space-between;
      padding: 0 0.4rem;
    }
    .toolbar .tool {
      padding: 0 0.45rem;
    }
    .map {
      width: 0.4rem;
      right: 0.2rem;
    }
  }
  @media print {
    .toolbar,
    .map,
    .cards {
      display: none;
    }
  }
`;
