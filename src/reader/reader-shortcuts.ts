import type { ToolbarCommand } from './events.ts';
import type { Shortcut } from './keyboard-controller.ts';

/** What the reader's shortcuts do, as the reader does it. */
export interface ShortcutActions {
  /** The next (1) or previous (-1) claim. */
  step(delta: 1 | -1): boolean;
  /** Closes the open card or panel; false when nothing was open. */
  escape(): boolean;
  /** What a toolbar button does. */
  command(command: ToolbarCommand): boolean;
}

/** The reader's keyboard shortcuts, in the order the help dialog lists them. */
export function readerShortcuts({ step, escape, command }: ShortcutActions): Shortcut[] {
  const run = (name: ToolbarCommand) => () => command(name);
  return [
    { keys: ['j', 'n'], label: 'Next claim', run: () => step(1) },
    { keys: ['k', 'p'], label: 'Previous claim', run: () => step(-1) },
    { keys: ['Escape'], label: 'Close the note or panel', run: escape, inFields: true },
    { keys: ['c'], label: 'Claims panel', run: run('panel') },
    { keys: ['h'], label: 'Claim marks on or off', run: run('highlights') },
    { keys: ['m'], label: 'My highlights', run: run('mine') },
    { keys: ['t'], label: 'Theme: system, light, dark', run: run('theme') },
    { keys: ['s'], label: 'Settings: claim marks, citation style, copy format', run: run('settings') },
    { keys: ['+', '='], label: 'Larger text', run: run('larger') },
    { keys: ['-'], label: 'Smaller text', run: run('smaller') },
    { keys: ['?'], label: 'This help', run: run('help') },
  ];
}
