/**
 * The reader's parts that show on demand, loaded lazily (a module of its own beside the reader's
 * bundle, asked for as soon as the reader connects, in parallel with its stylesheet, and awaited
 * by whatever needs a part sooner): the note cards with their action buttons, the claim map, the claims panel,
 * the settings panel and the keyboard shortcuts. Each is defined with the Lit the reader lends
 * it (see `part-kit.ts`); nothing here imports the reader's code, only types and small pure
 * helpers.
 */
import { defineActionButton } from './action-button.ts';
import { defineClaimMap } from './claim-map.ts';
import { defineClaimsPanel } from './claims-panel.ts';
import { defineHelpDialog } from './help-dialog.ts';
import { defineNoteCard } from './note-card.ts';
import type { PartKit } from './part-kit.ts';
import { defineSettingsPanel } from './settings-panel.ts';

export type { ActionButtonElement } from './action-button.ts';
export type { ClaimMapElement } from './claim-map.ts';
export type { ClaimsPanelElement } from './claims-panel.ts';
export type { HelpDialogElement } from './help-dialog.ts';
export type { NoteCardElement } from './note-card.ts';
export type { SettingsPanelElement } from './settings-panel.ts';

/** Defines the parts' elements (once). */
export function defineParts(kit: PartKit): void {
  defineActionButton(kit);
  defineNoteCard(kit);
  defineClaimMap(kit);
  defineClaimsPanel(kit);
  defineSettingsPanel(kit);
  defineHelpDialog(kit);
}
