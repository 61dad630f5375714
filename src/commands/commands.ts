import { generateReport } from '../excel/generate';
import { addDataValidation } from '../excel/data-validation';
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

/** Ribbon "Thêm kiểm tra nhập liệu": the pane's action; the pane opens to say what was applied (or what failed). */
export async function validationFromRibbon(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const validation = await Excel.run((context) => addDataValidation(context));
    emitCommandOutcome({ ok: true, validation });
  } catch (error) {
    emitCommandOutcome({ ok: false, error });
  } finally {
    try {
      await Office.addin.showAsTaskpane();
    } catch {
      // the pane cannot open (older host)
    }
    event.completed();
  }
}

Office.onReady(() => {
  ribbonState.actionsPresent = typeof Office.actions?.associate === 'function';
  try {
    if (ribbonState.actionsPresent) {
      Office.actions.associate('generateReport', generateFromRibbon);
      Office.actions.associate('addDataValidation', validationFromRibbon);
      ribbonState.associated = true;
    }
  } catch (e) {
    ribbonState.error = e instanceof Error ? e.message : String(e);
  }
});
