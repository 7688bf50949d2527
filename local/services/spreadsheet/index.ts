// The SpreadsheetApp global of the local runtime. Everything the add-on can reach is emulated over
// the session's workbook (see the files of this folder); an Apps Script method that is not throws
// "Not implemented in the local runtime: …".
import type { FormulaEngine } from '../../engine';
import type { ServiceContext } from '../context';
import { Access } from './access';
import { LocalConditionalFormatRuleBuilder } from './conditional-format';
import {
  BooleanCriteria,
  BorderStyle,
  DataValidationCriteria,
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  Dimension,
  ProtectionType,
  WrapStrategy,
} from './enums';
import { loud } from './loud';
import type { LocalRange } from './range';
import type { LocalSheet } from './sheet';
import { LocalSpreadsheet } from './spreadsheet';
import { LocalUi, NO_UI_MESSAGE, UiRecorder } from './ui';
import { LocalDataValidationBuilder } from './validation';

export { UiRecorder, NO_UI_MESSAGE, type UiAnswer, type UiEvent, type RecordedMenu, type MenuItem } from './ui';
export { ChartType, Button, ButtonSet } from './enums';
export { applyUserEdit, type UserEdit, type UserEditResult } from './user-edit';

export class LocalSpreadsheetApp {
  readonly ProtectionType = ProtectionType;
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType = DeveloperMetadataLocationType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly BorderStyle = BorderStyle;
  readonly Dimension = Dimension;
  readonly WrapStrategy = WrapStrategy;

  constructor(private readonly a: Access) {
    return loud(this, 'SpreadsheetApp');
  }

  private spreadsheet(method: string): LocalSpreadsheet {
    this.a.call('SpreadsheetApp', method, 'metadata', undefined, `SpreadsheetApp.${method}`);
    return new LocalSpreadsheet(this.a);
  }

  getActive(): LocalSpreadsheet {
    return this.spreadsheet('getActive');
  }
  getActiveSpreadsheet(): LocalSpreadsheet {
    return this.spreadsheet('getActiveSpreadsheet');
  }
  /** Only the session's own spreadsheet can be opened. */
  openById(id: string): LocalSpreadsheet {
    const spreadsheet = this.spreadsheet('openById');
    if (id !== this.a.workbook.spreadsheetId) throw this.a.error('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    return spreadsheet;
  }
  getActiveSheet(): LocalSheet {
    return this.spreadsheet('getActiveSheet').getActiveSheet();
  }
  getActiveRange(): LocalRange {
    return this.getActiveSheet().getRange('A1');
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

  newDataValidation(): LocalDataValidationBuilder {
    return new LocalDataValidationBuilder(this.a);
  }
  newConditionalFormatRule(): LocalConditionalFormatRuleBuilder {
    return new LocalConditionalFormatRuleBuilder(this.a);
  }
}

/** The SpreadsheetApp of one execution. `ui` is where dialogs are recorded and answered (default: a UI with no scripted answers). */
export function createSpreadsheetApp(ctx: ServiceContext, engine: FormulaEngine, ui: UiRecorder = new UiRecorder()): LocalSpreadsheetApp {
  return new LocalSpreadsheetApp(new Access(ctx, engine, ui));
}
