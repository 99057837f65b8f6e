/** What the editing layer's elements share: a panel's look, fields, buttons, messages. */
import { css } from 'lit';

export const formStyles = css`
  :host {
    font:
      14px/1.45 ui-sans-serif,
      system-ui,
      sans-serif;
    color: #1d1f24;
    color-scheme: light;
  }
  label {
    display: block;
    margin: 0.6rem 0 0.2rem;
    font-weight: 600;
  }
  input[type='text'],
  textarea,
  select {
    box-sizing: border-box;
    width: 100%;
    font: inherit;
    padding: 0.35rem 0.5rem;
    border: 1px solid #b9bcc4;
    border-radius: 4px;
    background: #fff;
    color: inherit;
  }
  textarea {
    min-height: 6rem;
    resize: vertical;
  }
  input:focus-visible,
  textarea:focus-visible,
  select:focus-visible,
  button:focus-visible {
    outline: 2px solid #2f6feb;
    outline-offset: 1px;
  }
  button {
    font: inherit;
    padding: 0.35rem 0.8rem;
    border: 1px solid #8b8f99;
    border-radius: 4px;
    background: #f4f5f7;
    color: inherit;
    cursor: pointer;
  }
  button.primary {
    background: #2f6feb;
    border-color: #2f6feb;
    color: #fff;
  }
  button.danger {
    background: #c62828;
    border-color: #c62828;
    color: #fff;
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  .hint {
    margin: 0.2rem 0 0;
    color: #5b5f69;
    font-size: 0.9em;
  }
  .error {
    margin: 0.6rem 0;
    padding: 0.5rem 0.7rem;
    border-left: 4px solid #c62828;
    background: #fdecec;
  }
  .error ul {
    margin: 0.3rem 0 0;
    padding-left: 1.2rem;
    font:
      12px/1.4 ui-monospace,
      SFMono-Regular,
      Menlo,
      monospace;
  }
  .row {
    display: flex;
    gap: 0.5rem;
    flex-wrap: wrap;
    align-items: center;
  }
  .actions {
    display: flex;
    gap: 0.5rem;
    justify-content: flex-end;
    margin-top: 1rem;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/** The editing layer's own parts: the floating tools, the panel, the status line. */
export const editorStyles = css`
  .new-claim,
  .note-tools {
    position: fixed;
    z-index: 2147483600;
    box-shadow: 0 4px 14px rgb(0 0 0 / 0.25);
  }
  .note-tools {
    display: flex;
    gap: 0.4rem;
    align-items: center;
    flex-wrap: wrap;
    max-width: 24rem;
    padding: 0.4rem;
    background: #fff;
    border: 1px solid #b9bcc4;
    border-radius: 6px;
  }
  .panel {
    position: fixed;
    z-index: 2147483601;
    top: 0;
    right: 0;
    bottom: 0;
    width: min(30rem, 100vw);
    box-sizing: border-box;
    overflow: auto;
    padding: 1rem 1.2rem 2rem;
    background: #fff;
    border-left: 1px solid #b9bcc4;
    box-shadow: -8px 0 30px rgb(0 0 0 / 0.2);
  }
  .status {
    position: fixed;
    z-index: 2147483599;
    pointer-events: none;
    left: 0.75rem;
    bottom: 0.75rem;
    max-width: min(36rem, calc(100vw - 1.5rem));
    padding: 0.35rem 0.7rem;
    border-radius: 6px;
    background: #1d1f24;
    color: #f2f2f2;
    font-size: 13px;
  }
  .status[data-tone='error'] {
    background: #8a1c1c;
  }
`;
