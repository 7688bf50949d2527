// Base.User as Spreadsheet.getOwner()/getEditors() and Protection.getEditors() return it.
export class LocalUser {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
  getUsername(): string {
    return this.email;
  }
  toString(): string {
    return this.email;
  }
}
