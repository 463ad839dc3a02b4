export { CommandPalette } from './CommandPalette';
export { HelpOverlay } from './HelpOverlay';
export { useGlobalShortcuts } from './use-global-shortcuts';
export { useRegisterCommands } from './context-commands';
export type { Command } from './commands';
