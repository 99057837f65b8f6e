import type { html, nothing } from 'lit';
import type { ReaderPart } from './reader-part.ts';

/**
 * What the reader lends the parts it loads lazily (the claims panel, the settings panel, the
 * help dialog, the selection toolbar, the highlights' card and panel). Their modules are bundled
 * apart from the reader's (see `build-bundle.ts`) and would otherwise carry a second copy of Lit.
 * A lazily loaded part is defined by a function that takes this kit and declares its class as
 * `class extends kit.ReaderPart`, with `static properties` (Lit's decorators live in the
 * reader's bundle). This module imports types only, so that any module may use it.
 */
export interface PartKit {
  ReaderPart: typeof ReaderPart;
  html: typeof html;
  nothing: typeof nothing;
}

/** Defines a custom element once (a module loaded twice defines nothing again). */
export function defineOnce(name: string, element: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, element);
}
