// The reference the benchmark compares Pendamping's generation with: tab generation "as most
// published scripts do it". One template sheet holds the checklist; for each unit the script
// copies the template, renames the copy, writes the unit's header cells one by one and
// protects the tab for the unit's PIC, all through SpreadsheetApp, one call at a time.
// It reads the same Unit, Instrumen and Pengaturan tabs as the add-on and runs in the same
// local runtime, so the modeled times of the two are comparable.

/* global SpreadsheetApp */

// The local runtime loads a script that declares the add-on's namespace; the reference has no
// custom functions. Top-level declarations are what Apps Script (and the runtime) call.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
var Pendamping = { CUSTOM_FUNCTIONS: [] };

// eslint-disable-next-line @typescript-eslint/no-unused-vars
function referenceGenerateTabs() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var units = ss.getSheetByName('Unit').getDataRange().getValues();
  var settings = ss.getSheetByName('Pengaturan').getDataRange().getValues();
  var putaran = '';
  for (var s = 1; s < settings.length; s++) if (settings[s][0] === 'putaran') putaran = settings[s][1];
  var template = referenceTemplate(ss);
  var created = 0;
  for (var i = 1; i < units.length; i++) {
    var kode = String(units[i][0]);
    if (kode === '') continue;
    var sheet = template.copyTo(ss);
    sheet.setName('Ref ' + kode);
    sheet.getRange('A1').setValue(kode + ' — ' + units[i][1]);
    sheet.getRange('B2').setValue(putaran);
    sheet.getRange('B3').setValue(units[i][3]);
    var protection = sheet.protect().setDescription('Unit ' + kode);
    protection.setUnprotectedRanges([sheet.getRange('F8:G' + sheet.getLastRow())]);
    protection.removeEditors(protection.getEditors());
    protection.addEditor(String(units[i][4]).split(',')[0].trim());
    created++;
  }
  return { ok: true, created: created };
}

/** The template: the checklist header and one row per indicator of Instrumen. */
function referenceTemplate(ss) {
  var instrument = ss.getSheetByName('Instrumen').getDataRange().getValues();
  var template = ss.insertSheet('Template');
  var header = ['Kode', 'Aspek', 'Indikator', 'Bobot', 'Jenis Jawaban', 'Jawaban Mandiri', 'Bukti', 'Jawaban Verifikasi',
    'Catatan Asesor', 'Rekomendasi', 'Batas Waktu', 'Tindak Lanjut', 'Jawaban Putaran Lalu'];
  var rows = [header];
  for (var r = 1; r < instrument.length; r++) {
    var it = instrument[r];
    rows.push([it[0], it[1], it[2], it[3], it[4], '', '', '', '', it[6], '', '', '']);
  }
  template.getRange('A1').setValue('Kode — Nama Unit');
  template.getRange('A2').setValue('Putaran');
  template.getRange('A3').setValue('PIC');
  template.getRange(7, 1, rows.length, header.length).setValues(rows);
  return template;
}
