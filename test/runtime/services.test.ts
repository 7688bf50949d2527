// The emulated Apps Script services other than SpreadsheetApp and MailApp, against the
// documented behaviour of the real ones.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHtmlService } from '../../local/services/html';
import { createLockService } from '../../local/services/lock';
import { PROPERTY_STORE_QUOTA_EXCEEDED, createPropertiesService } from '../../local/services/properties';
import { ADDON_TOO_MANY_TIME_TRIGGERS, createScriptApp } from '../../local/services/script-app';
import { createSession } from '../../local/services/session';
import { createUtilities, formatDate } from '../../local/services/utilities';
import { PROCESS_TEST_MS, childProgram, finished, startChild, testContext, waitForLine } from './services-support';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pendamping-services-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('PropertiesService (https://developers.google.com/apps-script/reference/properties/properties)', () => {
  test('document properties live in the workbook; values are stored as text', () => {
    const ctx = testContext();
    const doc = createPropertiesService(ctx).getDocumentProperties();
    expect(doc.getProperty('missing')).toBeNull();
    doc.setProperty('pendamping.installer', 'sekretariat@example.go.id').setProperty('n', 5 as unknown as string);
    expect(ctx.workbook.documentProperties).toEqual({ 'pendamping.installer': 'sekretariat@example.go.id', n: '5' });
    expect(doc.getProperty('n')).toBe('5');
    doc.deleteProperty('n').deleteProperty('missing');
    expect(ctx.workbook.documentProperties).toEqual({ 'pendamping.installer': 'sekretariat@example.go.id' });
    expect(ctx.metrics.snapshot().serviceCalls['Properties.setProperty']).toBe(2);
  });

  // Quotas: "Properties value size 9 KB / val", "Properties total storage 500 KB / property store".
  // https://developers.google.com/apps-script/guides/services/quotas#current_limitations
  test('a value over 9 KB and a store over 500 KB are refused, leaving the store unchanged', () => {
    const ctx = testContext();
    const doc = createPropertiesService(ctx).getDocumentProperties();
    expect(() => doc.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    doc.setProperty('ok', 'x'.repeat(9 * 1024));
    for (let i = 0; i < 54; i += 1) doc.setProperty(`k${i}`, 'y'.repeat(9 * 1024));
    expect(() => doc.setProperty('k54', 'y'.repeat(9 * 1024))).toThrow(PROPERTY_STORE_QUOTA_EXCEEDED);
    expect(doc.getProperty('k54')).toBeNull();
    expect(Object.keys(ctx.workbook.documentProperties)).toHaveLength(55);
  });

  // AuthMode: NONE allows no authorised service; a custom function may read, not write.
  // https://developers.google.com/apps-script/reference/script/auth-mode
  test('AuthMode NONE refuses properties; CUSTOM_FUNCTION may read them but not write', () => {
    const none = testContext({ authMode: 'NONE' });
    expect(() => createPropertiesService(none).getDocumentProperties()).toThrow(/You do not have permission to call PropertiesService.getDocumentProperties/);
    const cf = testContext({ authMode: 'CUSTOM_FUNCTION' });
    cf.workbook.documentProperties.k = 'v';
    const doc = createPropertiesService(cf).getDocumentProperties();
    expect(doc.getProperty('k')).toBe('v');
    expect(() => doc.setProperty('k', 'w')).toThrow(/You do not have permission to call Properties.setProperty/);
  });
});

describe('LockService (https://developers.google.com/apps-script/reference/lock/lock)', () => {
  const lockDir = () => join(dir, 'locks');

  test('a document lock is exclusive between two executions in one process, and released at the end of an execution', () => {
    const a = testContext({ user: 'a@example.go.id' });
    const b = testContext({ user: 'b@example.go.id', workbook: a.workbook });
    const advance = () => undefined;
    const la = createLockService(a, { lockDir: lockDir(), advance });
    const lb = createLockService(b, { lockDir: lockDir(), advance });
    la.startExecution();
    const lock = la.service.getDocumentLock();
    expect(lock.tryLock(0)).toBe(true);
    lb.startExecution();
    const other = lb.service.getDocumentLock();
    const started = Date.now();
    expect(other.tryLock(200)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(180);
    la.endExecution();
    expect(other.tryLock(0)).toBe(true);
    other.releaseLock();
    expect(lock.tryLock(0)).toBe(true);
    lb.endExecution();
    la.endExecution();
  });

  test('time spent waiting for a lock is modeled time', () => {
    const a = testContext();
    const b = testContext({ workbook: a.workbook });
    const la = createLockService(a, { lockDir: lockDir(), advance: () => undefined });
    const lb = createLockService(b, { lockDir: lockDir(), advance: (ms) => b.metrics.advance(ms) });
    expect(la.service.getDocumentLock().tryLock(0)).toBe(true);
    lb.service.getDocumentLock().tryLock(100);
    expect(b.metrics.snapshot().modeledMs).toBeGreaterThanOrEqual(100 + 50);
    la.endExecution();
  });

  test('a document lock is exclusive across processes, and a dead holder does not block for ever', async () => {
    const program = childProgram(
      dir,
      'hold-lock',
      `
      import { createLockService } from './local/services/lock';
      import { Metrics } from './local/metrics';
      import { newWorkbook } from './local/model/workbook';
      const [lockDir, holdMs, mode] = process.argv.slice(2);
      const ctx = { workbook: newWorkbook({ owner: 'o@example.go.id', spreadsheetId: 'shared-sheet' }), user: 'child@example.go.id',
        authMode: 'FULL' as const, now: () => new Date(), metrics: new Metrics(), realm: { Date, Array, Object, Error } };
      const locks = createLockService(ctx, { lockDir, advance: () => undefined });
      const lock = locks.service.getDocumentLock();
      if (!lock.tryLock(10000)) throw new Error('no lock');
      console.log('locked');
      if (mode === 'crash') process.kill(process.pid, 'SIGKILL');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(holdMs));
      const releasedAt = Date.now();
      lock.releaseLock();
      console.log('released at ' + releasedAt);
      `,
    );
    const parent = testContext({ workbook: { ...testContext().workbook, spreadsheetId: 'shared-sheet' } });
    const locks = createLockService(parent, { lockDir: lockDir(), advance: () => undefined });
    const lock = locks.service.getDocumentLock();

    const child = startChild(program, [lockDir(), '1500', 'hold']);
    const done = finished(child);
    await waitForLine(child, 'locked');
    expect(lock.tryLock(0)).toBe(false);
    expect(lock.tryLock(20_000)).toBe(true); // blocks until the child releases
    const acquiredAt = Date.now();
    // The parent got the lock only once the child had let it go (an order, not a duration).
    const releasedAt = Number(/released at (\d+)/.exec((await done).out)?.[1]);
    expect(acquiredAt).toBeGreaterThanOrEqual(releasedAt);
    locks.endExecution();

    const crashing = startChild(program, [lockDir(), '0', 'crash']);
    const crashed = finished(crashing);
    await waitForLine(crashing, 'locked');
    expect((await crashed).signal).toBe('SIGKILL');
    expect(lock.tryLock(0)).toBe(true);
    locks.endExecution();
  }, PROCESS_TEST_MS);
});

describe('Utilities (https://developers.google.com/apps-script/reference/utilities/utilities)', () => {
  // formatDate(date, timeZone, format) uses java.text.SimpleDateFormat patterns:
  // https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)
  // The add-on's patterns are yyyy, yyyy-MM-dd and yyyy-MM-dd HH:mm: other letters and quoted text are refused by name.
  test('formatDate renders in real time zones with SimpleDateFormat patterns', () => {
    const instant = new Date('2026-03-05T17:30:05.042Z');
    expect(formatDate(instant, 'Asia/Jakarta', 'yyyy-MM-dd HH:mm:ss')).toBe('2026-03-06 00:30:05');
    expect(formatDate(instant, 'Asia/Jakarta', 'd/M/yy')).toBe('6/3/26');
    expect(formatDate(instant, 'Asia/Kolkata', 'HH:mm')).toBe('23:00');
    expect(formatDate(instant, 'Asia/Makassar', 'HH:mm')).toBe('01:30');
    expect(formatDate(instant, 'Asia/Jayapura', 'HH:mm')).toBe('02:30');
    expect(formatDate(instant, 'Not/AZone', 'yyyy-MM-dd HH:mm')).toBe('2026-03-05 17:30');
    // New York leaves standard time at 2:00 on 8 March 2026.
    expect(formatDate(new Date('2026-03-08T06:59:59Z'), 'America/New_York', 'HH:mm:ss')).toBe('01:59:59');
    expect(formatDate(new Date('2026-03-08T07:00:00Z'), 'America/New_York', 'HH:mm:ss')).toBe('03:00:00');
    expect(() => formatDate(instant, 'UTC', 'yyyy-qq')).toThrow("Illegal pattern character 'q'");
    expect(() => formatDate(instant, 'UTC', 'w')).toThrow("Not implemented in the local runtime: Utilities.formatDate pattern letter 'w'");
    expect(() => formatDate(instant, 'UTC', 'd MMMM yyyy')).toThrow("Not implemented in the local runtime: Utilities.formatDate pattern letter 'M'");
    expect(() => formatDate(instant, 'UTC', "HH 'uhr'")).toThrow('Not implemented in the local runtime: Utilities.formatDate quoted text');
  });

  test('computeDigest returns the digest as signed bytes, like Java', () => {
    const u = createUtilities(testContext());
    const text = 'Temuan pendampingan — Dinas Kesehatan';
    const signed = (algorithm: string) => [...createHash(algorithm).update(text, 'utf8').digest()].map((b) => (b > 127 ? b - 256 : b));
    expect(u.computeDigest(u.DigestAlgorithm.SHA_256, text)).toEqual(signed('sha256'));
    expect(u.computeDigest(u.DigestAlgorithm.MD5, text)).toEqual(signed('md5'));
    expect(u.computeDigest(u.DigestAlgorithm.SHA_256, text).some((b) => b < 0)).toBe(true);
  });

  // Apps Script members the add-on does not call are refused by name, not quietly undefined.
  test('a member the runtime does not implement is loud', () => {
    const u = createUtilities(testContext()) as unknown as Record<string, unknown>;
    expect(() => u.parseCsv).toThrow('Not implemented in the local runtime: Utilities.parseCsv');
  });

  test('newBlob holds bytes, type and name; base64Encode; getAs converts only HTML to PDF, through the printer', () => {
    const printed: string[] = [];
    const printer = { print: (html: string) => (printed.push(html), Buffer.from('%PDF-1.4 rapor')), close: () => undefined };
    const u = createUtilities(testContext(), printer);
    const blob = u.newBlob('<h1>Rapor</h1>', 'text/html', 'Rapor DINKES.html');
    expect(blob.getContentType()).toBe('text/html');
    expect(blob.getDataAsString()).toBe('<h1>Rapor</h1>');
    const pdf = blob.getAs('application/pdf');
    expect(printed).toEqual(['<h1>Rapor</h1>']);
    expect(pdf.getName()).toBe('Rapor DINKES.pdf');
    expect(pdf.getContentType()).toBe('application/pdf');
    expect(u.base64Encode(pdf.getBytes())).toBe(Buffer.from('%PDF-1.4 rapor').toString('base64'));
    expect(pdf.getBlob()).toBe(pdf);
    expect(() => u.newBlob('x', 'text/plain', 'a.txt').getAs('application/pdf')).toThrow("Not implemented in the local runtime: Blob.getAs('application/pdf') of text/plain");
    expect(() => (blob as unknown as Record<string, unknown>).getAllBlobs).toThrow('Not implemented in the local runtime: Blob.getAllBlobs');
    const failing = createUtilities(testContext(), { print: () => { throw new Error('no browser'); }, close: () => undefined });
    expect(() => failing.newBlob('<p>x</p>', 'text/html', 'x.html').getAs('application/pdf')).toThrow('Conversion from text/html to application/pdf failed: no browser');
  });
});

describe('Session, ScriptApp, HtmlService', () => {
  test('Session: the active and effective user are the runtime user; no identity in a custom function', () => {
    const ctx = testContext({ user: 'asesor@example.go.id' });
    const session = createSession(ctx);
    expect(session.getActiveUser().getEmail()).toBe('asesor@example.go.id');
    expect(session.getEffectiveUser().getEmail()).toBe('asesor@example.go.id');
    ctx.authMode = 'CUSTOM_FUNCTION';
    expect(session.getActiveUser().getEmail()).toBe('');
  });

  // Editor add-ons: one time-driven trigger per user per document.
  // https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions
  test('ScriptApp records triggers in the workbook with the add-on restrictions', () => {
    const ctx = testContext();
    const app = createScriptApp(ctx);
    const trigger = app.newTrigger('remind').timeBased().everyHours(1).create();
    expect(ctx.workbook.triggers).toEqual([expect.objectContaining({ handlerFunction: 'remind', eventType: 'CLOCK', everyMs: 3_600_000, user: ctx.user })]);
    expect(() => app.newTrigger('other').timeBased().everyHours(2).create()).toThrow(ADDON_TOO_MANY_TIME_TRIGGERS);
    expect(app.getUserTriggers(null).map((t) => t.getHandlerFunction())).toEqual(['remind']);
    expect(createScriptApp({ ...ctx, user: 'lain@example.go.id' }).getUserTriggers(null)).toEqual([]);
    app.deleteTrigger(trigger);
    expect(app.getUserTriggers(null)).toEqual([]);
    ctx.authMode = 'NONE';
    expect(() => app.getUserTriggers(null)).toThrow(/You do not have permission/);
  });

  test('HtmlService reads the project HTML files', () => {
    writeFileSync(join(dir, 'Sidebar.html'), '<p>Panel</p>');
    const html = createHtmlService(testContext(), dir);
    const out = html.createHtmlOutputFromFile('Sidebar').setTitle('Pendamping');
    expect([out.getContent(), out.getTitle()]).toEqual(['<p>Panel</p>', 'Pendamping']);
    expect(() => html.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
  });
});
