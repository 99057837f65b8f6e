/**
 * The events of the editing layer's elements. All bubble and are composed; none is cancelable.
 */
import type { ClaimInput, ReferenceInput } from './protocol.ts';

export interface ClaimSaveDetail {
  claim: ClaimInput;
  /** References added in the form, to write with the claim. */
  references: ReferenceInput[];
}

export interface ReferenceAddDetail {
  references: ReferenceInput[];
}

/** The claim form's "Save". */
export type ClaimSaveEvent = CustomEvent<ClaimSaveDetail>;
/** The claim form was closed without saving. */
export type ClaimCancelEvent = CustomEvent<Record<string, never>>;
/** References read from pasted text, to add. */
export type ReferenceAddEvent = CustomEvent<ReferenceAddDetail>;

export function editorEvent<T>(type: string, detail: T): CustomEvent<T> {
  return new CustomEvent<T>(type, { detail, bubbles: true, composed: true });
}

interface EditorEventMap {
  'marginalia-claim-save': ClaimSaveEvent;
  'marginalia-claim-cancel': ClaimCancelEvent;
  'marginalia-reference-add': ReferenceAddEvent;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends EditorEventMap {}
}
