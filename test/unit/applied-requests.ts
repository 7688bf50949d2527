// A workbook in the local runtime that takes the add-on's Sheets API requests
// (src/sheets/requests.ts) as Sheets would, so tests assert what the workbook then holds and
// shows rather than the requests' shape.
import type { SheetModel } from '../../local/model/types';
import { batchesOf } from '../../src/sheets/api';
import type { Request } from '../../src/sheets/requests';
import { harness } from '../runtime/spreadsheet-harness';

type Harness = ReturnType<typeof harness>;
type RuntimeRequests = Parameters<Harness['Sheets']['Spreadsheets']['batchUpdate']>[0]['requests'];

export interface AppliedWorkbook extends Harness {
  /** Applies the requests as one group, compacted and sent as the add-on sends them (src/sheets/api.ts batchesOf). */
  apply(...requests: Request[]): void;
  /** The values of an A1 range as the add-on reads them (computed, unformatted; '' where empty). */
  values(a1: string, height: number, width: number): unknown[][];
  /** The stored state of the tab `sheetId`. */
  sheet(sheetId: number): SheetModel;
}

export function appliedWorkbook(): AppliedWorkbook {
  const h = harness();
  const id = h.workbook.spreadsheetId;
  return {
    ...h,
    apply: (...requests) => {
      for (const batch of batchesOf([requests])) h.Sheets.Spreadsheets.batchUpdate({ requests: batch as RuntimeRequests }, id);
    },
    values: (a1, height, width) => {
      const read = h.Sheets.Spreadsheets.Values.batchGet(id, { ranges: [a1], valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'SERIAL_NUMBER', majorDimension: 'ROWS' }).valueRanges[0] as { values?: unknown[][] };
      return Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => read.values?.[r]?.[c] ?? ''));
    },
    sheet: (sheetId) => {
      const found = h.workbook.sheets.find((s) => s.sheetId === sheetId);
      if (!found) throw new Error(`no sheet with id ${sheetId}`);
      return found;
    },
  };
}
