// The emulated Apps Script services other than SpreadsheetApp and MailApp, against the
// documented behaviour of the real ones.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCacheService } from '../../local/services/cache';
import { createHtmlService } from '../../local/services/html';
import { LOCK_TIMEOUT, createLockService } from '../../local/services/lock';
import { createLogging, type LogLine } from '../../local/services/logger';
import { PROPERTY_STORE_QUOTA_EXCEEDED, createPropertiesService } from '../../local/services/properties';
import { ADDON_TOO_MANY_TIME_TRIGGERS, ADDON_TRIGGER_TOO_FREQUENT, createScriptApp } from '../../local/services/script-app';
import { createSession } from '../../local/services/session';
import { createUtilities, formatDate } from '../../local/services/utilities';
import { PROCESS_TEST_MS, childProgram, finished, startChild, testContext, waitForLine } from './services-support';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pendamping-services-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('PropertiesService (https://developers.google.com/apps-script/reference/properties/properties)', () => {
  test('document properties live in the workbook; script and user properties are separate stores', () => {
    const ctx = testContext();
    const ps = createPropertiesService(ctx);
    const doc = ps.getDocumentProperties();
    expect(doc.getProperty('missing')).toBeNull();
    doc.setProperty('pendamping.installer', 'sekretariat@example.go.id').setProperty('n', 5 as unknown as string);
    expect(ctx.workbook.documentProperties).toEqual({ 'pendamping.installer': 'sekretariat@example.go.id', n: '5' });
    expect(ps.getScriptProperties().getKeys()).toEqual([]);
    ps.getScriptProperties().setProperty('x', '1');
    expect(ps.getUserProperties().getProperty('x')).toBeNull();
    const copy = doc.getProperties();
    copy.n = 'changed';
    expect(doc.getProperty('n')).toBe('5');
    doc.setProperties({ a: '1' }, true);
    expect(doc.getKeys()).toEqual(['a']);
    doc.deleteAllProperties();
    expect(ctx.workbook.documentProperties).toEqual({});
    expect(ctx.metrics.snapshot().serviceCalls['Properties.setProperty']).toBe(3);
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
    expect(doc.getKeys()).toHaveLength(55);
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

describe('CacheService (https://developers.google.com/apps-script/reference/cache/cache)', () => {
  test('entries expire by the clock: the given lifetime, 600 s by default, at most 6 h', () => {
    const ctx = testContext();
    const cache = createCacheService(ctx).getDocumentCache();
    cache.put('short', 'a', 60);
    cache.put('default', 'b');
    cache.put('long', 'c', 100_000);
    ctx.tick(59_999);
    expect(cache.get('short')).toBe('a');
    ctx.tick(1);
    expect(cache.get('short')).toBeNull();
    ctx.tick(540_000 - 1);
    expect(cache.getAll(['default', 'short', 'long'])).toEqual({ default: 'b', long: 'c' });
    ctx.tick(1);
    expect(cache.get('default')).toBeNull();
    ctx.tick(21_600_000 - 600_000);
    expect(cache.get('long')).toBeNull();
  });

  test('keys over 250 characters and values over 100 KB are refused; caches are separate', () => {
    const ctx = testContext();
    const service = createCacheService(ctx);
    const cache = service.getDocumentCache();
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(() => cache.put('k', 'v'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    cache.put('k'.repeat(250), 'v'.repeat(100 * 1024));
    cache.putAll({ a: '1', b: '2' });
    cache.remove('a');
    expect(cache.getAll(['a', 'b'])).toEqual({ b: '2' });
    expect(service.getScriptCache().get('b')).toBeNull();
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
    expect(lock.hasLock()).toBe(true);
    lb.startExecution();
    const other = lb.service.getDocumentLock();
    const started = Date.now();
    expect(other.tryLock(200)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(180);
    expect(() => other.waitLock(50)).toThrow(LOCK_TIMEOUT);
    la.endExecution();
    expect(other.tryLock(0)).toBe(true);
    other.releaseLock();
    expect(other.hasLock()).toBe(false);
    lb.endExecution();
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
      lock.waitLock(10000);
      console.log('locked');
      if (mode === 'crash') process.kill(process.pid, 'SIGKILL');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(holdMs));
      lock.releaseLock();
      console.log('released');
      `,
    );
    const parent = testContext({ workbook: { ...testContext().workbook, spreadsheetId: 'shared-sheet' } });
    const locks = createLockService(parent, { lockDir: lockDir(), advance: () => undefined });
    const lock = locks.service.getDocumentLock();

    const child = startChild(program, [lockDir(), '1500', 'hold']);
    const done = finished(child);
    await waitForLine(child, 'locked');
    expect(lock.tryLock(0)).toBe(false);
    const started = Date.now();
    lock.waitLock(20_000); // blocks until the child releases
    expect(Date.now() - started).toBeGreaterThan(300);
    expect((await done).out).toContain('released');
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
  test('formatDate renders in real time zones with SimpleDateFormat patterns', () => {
    const instant = new Date('2026-03-05T17:30:05.042Z');
    expect(formatDate(instant, 'Asia/Jakarta', 'yyyy-MM-dd HH:mm:ss')).toBe('2026-03-06 00:30:05');
    expect(formatDate(instant, 'Asia/Jakarta', 'EEEE, d MMMM yyyy')).toBe('Friday, 6 March 2026');
    expect(formatDate(instant, 'Asia/Jakarta', 'EEE dd MMM yy, hh:mm a')).toBe('Fri 06 Mar 26, 12:30 AM');
    expect(formatDate(instant, 'Asia/Jakarta', 'Z XXX X')).toBe('+0700 +07:00 +07');
    expect(formatDate(instant, 'Asia/Kolkata', 'HH:mm Z')).toBe('23:00 +0530');
    expect(formatDate(instant, 'Asia/Makassar', 'HH:mm')).toBe('01:30');
    expect(formatDate(instant, 'Asia/Jayapura', 'HH:mm')).toBe('02:30');
    expect(formatDate(instant, 'UTC', "yyyy-MM-dd'T'HH:mm:ss.SSSX")).toBe('2026-03-05T17:30:05.042Z');
    expect(formatDate(instant, 'UTC', "'o''clock' ''")).toBe("o'clock '");
    expect(formatDate(instant, 'Not/AZone', 'HH:mm z')).toBe('17:30 GMT');
    expect(formatDate(instant, 'Asia/Jakarta', 'D w u k K')).toBe('65 10 5 24 0');
    // New York leaves standard time at 2:00 on 8 March 2026.
    expect(formatDate(new Date('2026-03-08T06:59:59Z'), 'America/New_York', 'HH:mm:ss z')).toBe('01:59:59 EST');
    expect(formatDate(new Date('2026-03-08T07:00:00Z'), 'America/New_York', 'HH:mm:ss z')).toBe('03:00:00 EDT');
    // 31 December 2024 is in the week of 1 January 2025: week 1 in Java's default calendar.
    expect(formatDate(new Date('2024-12-31T12:00:00Z'), 'UTC', 'w')).toBe('1');
    expect(() => formatDate(instant, 'UTC', 'yyyy-qq')).toThrow("Illegal pattern character 'q'");
  });

  test('computeDigest returns the digest as signed bytes, like Java', () => {
    const u = createUtilities(testContext(), { advance: () => undefined });
    const text = 'Temuan pendampingan — Dinas Kesehatan';
    const signed = (algorithm: string) => [...createHash(algorithm).update(text, 'utf8').digest()].map((b) => (b > 127 ? b - 256 : b));
    expect(u.computeDigest(u.DigestAlgorithm.SHA_256, text)).toEqual(signed('sha256'));
    expect(u.computeDigest(u.DigestAlgorithm.MD5, text)).toEqual(signed('md5'));
    expect(u.computeDigest(u.DigestAlgorithm.SHA_256, text).some((b) => b < 0)).toBe(true);
  });

  test('base64, blobs, CSV, formatString and sleep', () => {
    const ctx = testContext();
    ctx.metrics.startExecution();
    const u = createUtilities(ctx, { advance: (ms) => ctx.metrics.advance(ms) });
    const text = 'Kelengkapan dokumen: ✓ sudah';
    const encoded = u.base64Encode(text);
    expect(encoded).toBe(Buffer.from(text).toString('base64'));
    expect(Buffer.from(u.base64Decode(encoded).map((b) => b & 0xff)).toString('utf8')).toBe(text);
    expect(u.base64EncodeWebSafe([-5, -1])).toBe('-_8=');
    const blob = u.newBlob(text, 'text/plain', 'catatan.txt');
    expect([blob.getName(), blob.getContentType(), blob.getDataAsString()]).toEqual(['catatan.txt', 'text/plain', text]);
    expect(blob.getBytes().length).toBe(Buffer.byteLength(text));
    expect(u.newBlob(blob.getBytes()).getDataAsString()).toBe(text);
    expect(u.parseCsv('kode,nama\nDINKES,"Dinas ""Sehat"", Kab."\r\nRSUD,"baris\nbaru"')).toEqual([
      ['kode', 'nama'],
      ['DINKES', 'Dinas "Sehat", Kab.'],
      ['RSUD', 'baris\nbaru'],
    ]);
    expect(u.formatString('%s: %d (%.2f%%) [%5s|%-4d|%03d]', 'Skor', 82.9, 82.456, 'ab', 7, 5)).toBe('Skor: 82 (82.46%) [   ab|7   |005]');
    expect(u.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
    const before = ctx.metrics.snapshot().modeledMs;
    u.sleep(2500);
    expect(ctx.metrics.snapshot().modeledMs - before).toBe(2500);
    expect(() => u.sleep(300_001)).toThrow();
  });
});

describe('Session, ScriptApp, HtmlService, Logger', () => {
  test('Session: the active and effective user are the runtime user; no identity in a custom function', () => {
    const ctx = testContext({ user: 'asesor@example.go.id' });
    const session = createSession(ctx, { scriptTimeZone: 'Asia/Jakarta' });
    expect(session.getActiveUser().getEmail()).toBe('asesor@example.go.id');
    expect(session.getEffectiveUser().getEmail()).toBe('asesor@example.go.id');
    expect(session.getScriptTimeZone()).toBe('Asia/Jakarta');
    ctx.authMode = 'CUSTOM_FUNCTION';
    expect(session.getActiveUser().getEmail()).toBe('');
  });

  // Editor add-ons: time-driven triggers at most hourly, one trigger of each type per user per document.
  // https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions
  test('ScriptApp records triggers in the workbook with the add-on restrictions', () => {
    const ctx = testContext();
    const app = createScriptApp(ctx, { addOn: true });
    expect(() => app.newTrigger('remind').timeBased().everyMinutes(30)).toThrow(ADDON_TRIGGER_TOO_FREQUENT);
    const trigger = app.newTrigger('remind').timeBased().everyHours(1).create();
    expect(ctx.workbook.triggers).toEqual([expect.objectContaining({ handlerFunction: 'remind', eventType: 'CLOCK', everyMs: 3_600_000, user: ctx.user })]);
    expect(() => app.newTrigger('other').timeBased().everyHours(2).create()).toThrow(ADDON_TOO_MANY_TIME_TRIGGERS);
    expect(app.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['remind']);
    app.newTrigger('onEditInstalled').forSpreadsheet(null).onEdit().create();
    app.deleteTrigger(trigger);
    expect(app.getProjectTriggers().map((t) => t.getEventType())).toEqual(['ON_EDIT']);
    expect(app.AuthMode.CUSTOM_FUNCTION).toBe('CUSTOM_FUNCTION');
    ctx.authMode = 'NONE';
    expect(() => app.getProjectTriggers()).toThrow(/You do not have permission/);
  });

  test('HtmlService reads the project HTML files; templates escape <?= ?> and not <?!= ?>', () => {
    writeFileSync(join(dir, 'Sidebar.html'), '<p>Panel</p>');
    writeFileSync(join(dir, 'List.html'), '<ul><? for (var i = 0; i < items.length; i++) { ?><li><?= items[i] ?></li><? } ?></ul><?!= raw ?>');
    const html = createHtmlService(testContext(), { projectDir: dir, evaluateInScript: (code) => (0, eval)(code) });
    const out = html.createHtmlOutputFromFile('Sidebar').setTitle('Pendamping').setWidth(300);
    expect([out.getContent(), out.getTitle(), out.getWidth()]).toEqual(['<p>Panel</p>', 'Pendamping', 300]);
    expect(() => html.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
    const template = html.createTemplateFromFile('List');
    Object.assign(template, { items: ['<b>DINKES</b>', 'A & B'], raw: '<i>ok</i>' });
    expect((template.evaluate as () => { getContent(): string })().getContent()).toBe('<ul><li>&lt;b&gt;DINKES&lt;/b&gt;</li><li>A &amp; B</li></ul><i>ok</i>');
    expect(html.createHtmlOutput('a').appendUntrusted('<x>').getContent()).toBe('a&lt;x&gt;');
  });

  test('Logger and console are captured, not printed', () => {
    const lines: LogLine[] = [];
    const { Logger, console: scriptConsole } = createLogging(testContext(), { lines, echo: false });
    Logger.log('Unit %s: %d temuan', 'DINKES', 3);
    scriptConsole.warn('kuota', { sisa: 2 });
    expect(lines).toEqual([
      { level: 'log', text: 'Unit DINKES: 3 temuan' },
      { level: 'warn', text: 'kuota { sisa: 2 }' },
    ]);
    expect(Logger.getLog()).toBe('Unit DINKES: 3 temuan\n');
  });
});
