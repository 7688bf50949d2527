// SpreadsheetApp's Protection over a ProtectedRange of the model.
import type { ProtectedRange } from '../../model/types';
import { isWholeSheet } from '../../model/workbook';
import { loud } from '../loud';
import type { Access } from './access';
import { canEditProtection, protectionEditors } from './protection-rules';
import type { LocalRange } from './range';

type UserLike = string | { getEmail(): string };
const emailOf = (u: UserLike) => (typeof u === 'string' ? u : u.getEmail());

/** Base.User as Protection.getEditors() and Spreadsheet.getOwner() return it. */
export class LocalUser {
  constructor(private readonly email: string) {
    return loud(this, 'User');
  }
  getEmail(): string {
    return this.email;
  }
}

export class LocalProtection {
  constructor(
    private readonly a: Access,
    readonly model: ProtectedRange,
  ) {
    return loud(this, 'Protection');
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

  setDescription(description: string): this {
    this.change('setDescription', false);
    this.model.description = description;
    return this;
  }
  getEditors(): LocalUser[] {
    this.a.call('Protection', 'getEditors', 'read');
    return this.a.list(protectionEditors(this.a.workbook, this.model).map((e) => new LocalUser(e)));
  }
  addEditor(user: UserLike): this {
    this.change('addEditor', true);
    const email = emailOf(user);
    const users = this.model.editors.users;
    if (!users.some((u) => u.toLowerCase() === email.toLowerCase())) users.push(email);
    return this;
  }
  /** The owner cannot be removed: Apps Script leaves them in silently. */
  removeEditors(users: UserLike[]): this {
    this.change('removeEditors', true);
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
}
