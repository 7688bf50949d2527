// SpreadsheetApp's Protection over a ProtectedRange of the model.
import type { ProtectedRange, SheetModel } from '../../model/types';
import { isWholeSheet } from '../../model/workbook';
import { loud } from './loud';
import type { Access } from './access';
import { ProtectionType } from './enums';
import { canEditProtection, protectionEditors } from './protection-rules';
import type { LocalRange } from './range';
import { LocalSheet } from './sheet';
import { LocalUser } from './user';

type UserLike = string | { getEmail(): string };
const emailOf = (u: UserLike) => (typeof u === 'string' ? u : u.getEmail());

export class LocalProtection {
  constructor(
    private readonly a: Access,
    private readonly sheet: SheetModel,
    readonly model: ProtectedRange,
  ) {
    return loud(this, 'Protection');
  }

  private meta(method: string): void {
    this.a.call('Protection', method, 'metadata');
  }

  /** Changing a protection needs the right to edit it; the first change of editors ends mirroring the file. */
  private change(method: string, editorsChange: boolean): void {
    this.a.call('Protection', method, 'structural');
    if (!canEditProtection(this.a.workbook, this.model, this.a.ctx.user)) {
      throw this.a.error(`You do not have permission to call ${method}`);
    }
    if (editorsChange && this.model.mirrorsFile) {
      this.model.editors.users = protectionEditors(this.a.workbook, this.model);
      delete this.model.mirrorsFile;
    }
  }

  getProtectionType() {
    this.meta('getProtectionType');
    return isWholeSheet(this.model.range) ? ProtectionType.SHEET : ProtectionType.RANGE;
  }
  getRange(): LocalRange {
    this.meta('getRange');
    return new LocalSheet(this.a, this.sheet).rangeOf(this.model.range);
  }
  getDescription(): string {
    this.meta('getDescription');
    return this.model.description ?? '';
  }
  setDescription(description: string): this {
    this.change('setDescription', false);
    this.model.description = description;
    return this;
  }
  isWarningOnly(): boolean {
    this.meta('isWarningOnly');
    return this.model.warningOnly === true;
  }
  setWarningOnly(warningOnly: boolean): this {
    this.change('setWarningOnly', false);
    this.model.warningOnly = warningOnly;
    return this;
  }
  canEdit(): boolean {
    this.meta('canEdit');
    return canEditProtection(this.a.workbook, this.model, this.a.ctx.user);
  }
  canDomainEdit(): boolean {
    this.meta('canDomainEdit');
    return this.model.editors.domainUsersCanEdit === true;
  }
  setDomainEdit(editable: boolean): this {
    this.change('setDomainEdit', true);
    this.model.editors.domainUsersCanEdit = editable;
    return this;
  }
  getEditors(): LocalUser[] {
    this.a.call('Protection', 'getEditors', 'read');
    return this.a.list(protectionEditors(this.a.workbook, this.model).map((e) => new LocalUser(e)));
  }
  addEditor(user: UserLike): this {
    return this.addEditors([emailOf(user)], 'addEditor');
  }
  addEditors(emails: string[], method = 'addEditors'): this {
    this.change(method, true);
    const users = this.model.editors.users;
    for (const email of emails) if (!users.some((u) => u.toLowerCase() === email.toLowerCase())) users.push(email);
    return this;
  }
  removeEditor(user: UserLike): this {
    return this.removeEditors([emailOf(user)], 'removeEditor');
  }
  /** The owner cannot be removed: Apps Script leaves them in silently. */
  removeEditors(users: UserLike[], method = 'removeEditors'): this {
    this.change(method, true);
    const gone = new Set(users.map((u) => emailOf(u).toLowerCase()));
    this.model.editors.users = this.model.editors.users.filter((u) => !gone.has(u.toLowerCase()) || u.toLowerCase() === this.a.workbook.owner.toLowerCase());
    return this;
  }
  setUnprotectedRanges(ranges: LocalRange[]): this {
    this.change('setUnprotectedRanges', false);
    if (!isWholeSheet(this.model.range)) throw this.a.error('Unprotected ranges can only be set on a sheet protection.');
    this.model.unprotectedRanges = ranges.map((r) => r.gridRange);
    return this;
  }
  getUnprotectedRanges(): LocalRange[] {
    this.meta('getUnprotectedRanges');
    const sheet = new LocalSheet(this.a, this.sheet);
    return this.a.list((this.model.unprotectedRanges ?? []).map((r) => sheet.rangeOf(r)));
  }
  remove(): void {
    this.change('remove', false);
    this.sheet.protectedRanges = this.sheet.protectedRanges.filter((p) => p.protectedRangeId !== this.model.protectedRangeId);
  }
}
