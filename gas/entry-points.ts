import list from './entry-points.json';

/** Menu items in the order the "Pursue" menu shows them. */
export const MENU_ITEMS: ReadonlyArray<{ label: string; fn: string }> = list.menu;
/** Server functions the sidebar calls through google.script.run. */
export const SIDEBAR_CALLS: readonly string[] = list.sidebar;
export type SidebarCall = (typeof list.sidebar)[number];
/** Every global function the built Code.js must declare. */
export const ENTRY_POINTS: readonly string[] = [
  ...list.triggers,
  ...list.menu.map((m) => m.fn),
  ...list.sidebar,
];
