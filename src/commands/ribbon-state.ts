/**
 * What happened to the ribbon command's registration in this runtime, for the self-test: the
 * commands, task pane and functions bundles share one module registry in the shared runtime, so
 * the pane reads the same object commands.ts wrote.
 */
export const ribbonState: { associated: boolean; actionsPresent: boolean | null; error: string | null } = {
  associated: false,
  /** null until Office.onReady ran in commands.ts. */
  actionsPresent: null,
  error: null,
};
