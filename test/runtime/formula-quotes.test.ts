// A doubled quote inside a string literal ("Dinas ""Baru""") is one quote character, as in
// Sheets; the engine (HyperFormula) does not read that form itself.
// https://support.google.com/docs/answer/3093343 (HYPERLINK: the label is shown as the cell's value)
import { userEnteredToCell } from '../../local/model/workbook';
import { harness } from './spreadsheet-harness';

test('HYPERLINK whose label holds an escaped quote shows the label, as in Sheets', () => {
  const { engine, workbook } = harness();
  const sheet = workbook.sheets[0];
  const formulas = ['=HYPERLINK("#gid=1","Dinas ""Baru""")', '=LEN("a""b")', '="""dikutip"""&A3', '=IF(A3="x""y","sama","beda")'];
  engine.editor.writeContent(sheet, 0, 0, [formulas.map((f) => userEnteredToCell(f)), [], [userEnteredToCell('x"y')]]);
  expect(sheet.rows[0].map((c) => c?.value)).toEqual(['Dinas "Baru"', 3, '"dikutip"x"y', 'sama']);
  expect(sheet.rows[0].map((c) => c?.error)).toEqual([undefined, undefined, undefined, undefined]);
});

test('the formula text keeps its doubled quotes when rows inserted above move its references', () => {
  const { engine, workbook } = harness();
  const sheet = workbook.sheets[0];
  engine.editor.writeContent(sheet, 0, 0, [[userEnteredToCell('Baru')], [userEnteredToCell('=HYPERLINK("#gid=1","Dinas """ & A1 & """")')]]);
  expect(sheet.rows[1][0]?.value).toBe('Dinas "Baru"');
  engine.editor.insertDimension(sheet, 'ROWS', 0, 1);
  expect(sheet.rows[2][0]).toMatchObject({ formula: '=HYPERLINK("#gid=1","Dinas """ & A2 & """")', value: 'Dinas "Baru"' });
});
