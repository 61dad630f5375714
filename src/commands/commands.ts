import { generateReport } from '../excel/generate';
import { emitCommandOutcome } from './outcomes';
import { ribbonState } from './ribbon-state';

/** Ribbon "Tạo báo cáo": the same generation as the task pane button; on failure the pane opens with the message. */
export async function generateFromRibbon(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const generation = await Excel.run((context) => generateReport(context));
    emitCommandOutcome({ ok: true, generation });
  } catch (error) {
    emitCommandOutcome({ ok: false, error });
    try {
      await Office.addin.showAsTaskpane();
    } catch {
      // the pane cannot open (older host): the error stays in the console
      console.error(error);
    }
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  ribbonState.actionsPresent = typeof Office.actions?.associate === 'function';
  try {
    if (ribbonState.actionsPresent) {
      Office.actions.associate('generateReport', generateFromRibbon);
      ribbonState.associated = true;
    }
  } catch (e) {
    ribbonState.error = e instanceof Error ? e.message : String(e);
  }
});
