// The SpreadsheetApp global of the local runtime: what the add-on (and the benchmark's reference
// script) reaches is emulated over the session's workbook (see the files of this folder); any
// other member throws "Not implemented in the local runtime: …".
import type { FormulaEngine } from '../../engine';
import type { ServiceContext } from '../context';
import { loud } from '../loud';
import { Access } from './access';
import { LocalSpreadsheet } from './spreadsheet';
import { LocalUi, NO_UI_MESSAGE, UiRecorder } from './ui';

export { UiRecorder, NO_UI_MESSAGE, type UiAnswer, type UiEvent, type RecordedMenu, type MenuItem } from './ui';
export { applyUserEdit, type UserEdit, type UserEditResult } from './user-edit';

export class LocalSpreadsheetApp {
  constructor(private readonly a: Access) {
    return loud(this, 'SpreadsheetApp');
  }

  getActiveSpreadsheet(): LocalSpreadsheet {
    this.a.call('SpreadsheetApp', 'getActiveSpreadsheet', 'metadata', undefined, 'SpreadsheetApp.getActiveSpreadsheet');
    return new LocalSpreadsheet(this.a);
  }

  /**
   * Sends what the script buffered (the workbook's journal records it, as Sheets would have it
   * now). Recalculating is Sheets' work, not the script's: here it waits for the next read or the
   * end of the execution, so a flush per message does not recompute every formula over Log Email.
   */
  flush(): void {
    this.a.call('SpreadsheetApp', 'flush', 'other', undefined, 'SpreadsheetApp.flush');
  }

  /** The Ui works in AuthMode.NONE (onOpen builds menus); it is missing where no user looks (triggers, custom functions). */
  getUi(): LocalUi {
    this.a.ctx.metrics.record({ service: 'SpreadsheetApp', method: 'getUi', kind: 'other' });
    if (this.a.ctx.authMode === 'CUSTOM_FUNCTION') throw this.a.error(NO_UI_MESSAGE);
    return new LocalUi(this.a.ui, {
      record: (method) => this.a.ctx.metrics.record({ service: 'Ui', method, kind: 'other' }),
      error: (message) => this.a.error(message),
    });
  }
}

/** The SpreadsheetApp of one execution. `ui` is where dialogs are recorded and answered (default: a UI with no scripted answers). */
export function createSpreadsheetApp(ctx: ServiceContext, engine: FormulaEngine, ui: UiRecorder = new UiRecorder()): LocalSpreadsheetApp {
  return new LocalSpreadsheetApp(new Access(ctx, engine, ui));
}
