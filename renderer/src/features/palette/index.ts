export { CommandPalette } from './CommandPalette';
export { HelpOverlay } from './HelpOverlay';
export { useGlobalShortcuts } from './use-global-shortcuts';
export type { Command } from './commands';
