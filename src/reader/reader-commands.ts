import type { ToolbarCommand } from './events.ts';
import type { FeatureLoader } from './feature-loader.ts';
import type { PanelsController } from './panels-controller.ts';
import type { SettingsController } from './settings-controller.ts';

/**
 * What the reader lends its commands (named as the reader's own private members, which its
 * bundle shortens alike: `build-bundle.ts`).
 */
export interface CommandTarget {
  _panels: PanelsController;
  _settings: SettingsController;
  /** The lazily loaded features, if loaded. */
  _features(): FeatureLoader | undefined;
  /** The features, loaded on demand. */
  _loader(): FeatureLoader;
  _announce(message: string): void;
  /** The claim of the card that has the focus, else the active one. */
  _focusedClaim(): string | undefined;
  _close(claimId: string): void;
}

/**
 * What a toolbar button or a shortcut asks the reader to do (`run`), and what Escape closes
 * (`escape`: the highlight card or a panel first, then the focused or active note; false when
 * there is nothing to close or the help dialog handles it).
 */
export function readerCommands(target: CommandTarget): {
  run(command: ToolbarCommand): boolean;
  escape(): boolean;
} {
  const { _panels: panels, _settings: settings } = target;
  return {
    run(command) {
      if (command === 'panel' || command === 'settings') panels.toggle(command);
      else if (command === 'help') panels.toggleHelp();
      else if (command === 'mine') void target._loader().withHighlights((mine) => mine.togglePanel());
      else if (command === 'highlights') target._announce(settings.toggleHighlights());
      else if (command === 'theme') target._announce(settings.cycleTheme());
      else target._announce(settings.resize(command === 'larger' ? 1 : -1));
      return true;
    },
    escape() {
      if (panels.help?.shown) return false;
      if (target._features()?.highlighter?.escape() || panels.escape()) return true;
      const claimId = target._focusedClaim();
      if (claimId === undefined) return false;
      target._close(claimId);
      return true;
    },
  };
}
