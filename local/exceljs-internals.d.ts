// The one exceljs module local/xlsx-carry.ts reaches into (exceljs ships no types for it).
declare module 'exceljs/lib/xlsx/xform/sheet/worksheet-xform' {
  const WorksheetXform: { prototype: { reconcile(model: unknown, options: unknown): void } };
  export default WorksheetXform;
}
