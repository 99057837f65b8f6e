import { css } from 'lit';

/**
 * Styles for the light DOM inside an enhanced `<marginalia-reader>`, on top of the page
 * stylesheet (which colours the marks by kind, with `--marginalia-mark` and `--marginalia-line`
 * on each mark): marks that are open or hovered, the kind label shown on hover and focus, the
 * highlights switch and the flash of a deep-linked paragraph. The element adopts this sheet into
 * its document (a constructed stylesheet, which the page's Content-Security-Policy allows); every
 * rule is scoped to an enhanced reader, so with JavaScript off nothing here applies.
 */
export const documentStyles = css`
  marginalia-reader[data-enhanced] mark[data-claims] {
    position: relative;
    cursor: pointer;
    scroll-margin: 5rem 0 12rem;
  }
  marginalia-reader[data-enhanced] mark:is([data-marginalia-hover], [data-marginalia-active]) {
    background-color: color-mix(in srgb, var(--marginalia-line) 22%, var(--marginalia-mark));
  }
  marginalia-reader[data-enhanced] mark[data-marginalia-active] {
    text-decoration-thickness: 3px;
  }
  marginalia-reader[data-enhanced] mark:focus-visible::after,
  marginalia-reader[data-enhanced] mark[data-marginalia-hover]:hover::after {
    content: attr(data-marginalia-label);
    position: absolute;
    left: 0;
    bottom: calc(100% + 0.35em);
    z-index: 3;
    padding: 0.2rem 0.45rem;
    border-radius: 0.25rem;
    background: var(--marginalia-line);
    color: var(--marginalia-bg);
    font: 600 0.7rem/1.2 var(--marginalia-font-ui, sans-serif);
    letter-spacing: 0.02em;
    white-space: nowrap;
    pointer-events: none;
  }
  marginalia-reader[data-enhanced][highlights='off'] mark:not([data-marginalia-active]) {
    background: none;
    box-shadow: none;
    text-decoration: none;
  }
  marginalia-reader[data-enhanced] [id] {
    scroll-margin-top: 4rem;
  }
  marginalia-reader[data-enhanced] [data-marginalia-flash] {
    animation: marginalia-flash 2.4s ease-out;
  }
  @keyframes marginalia-flash {
    from {
      background: color-mix(in srgb, var(--marginalia-focus) 18%, transparent);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    marginalia-reader[data-enhanced] [data-marginalia-flash] {
      animation-duration: 0.01s;
    }
  }
`;
