/**
 * Accounts, sign-in sessions and invitations (SPEC AC-1 … AC-12). Part of the
 * one store: the contract suite runs it against every implementation.
 */
import type { AccountRole } from '../../shared/accounts.js';

export interface AccountRecord {
  id: string;
  /** Lower case (AC-2). */
  email: string;
  name: string;
  role: AccountRole;
  /** scrypt with parameters and salt; null for accounts that sign in with OpenID only. */
  passwordHash: string | null;
  /** `<issuer> <subject>` of an OpenID Connect identity (AC-10). */
  oidcSubject: string | null;
  disabledAt: number | null;
  createdAt: number;
}

export interface AuthSessionRecord {
  /** SHA-256 of the cookie's token: a leaked database does not sign anyone in. */
  tokenHash: string;
  accountId: string;
  createdAt: number;
  expiresAt: number;
}

export interface InviteRecord {
  tokenHash: string;
  role: AccountRole;
  note: string | null;
  createdBy: string | null;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

export class DuplicateEmailError extends Error {
  constructor() {
    super('an account with this e-mail address exists');
  }
}

export interface AccountStore {
  countAccounts(): Promise<number>;
  /**
   * Create the first administrator, only while no account exists (AC-1): false
   * when one does, so that two setup requests at once cannot both succeed.
   */
  createFirstAccount(account: AccountRecord): Promise<boolean>;
  /** Throws DuplicateEmailError when the address is taken. */
  createAccount(account: AccountRecord): Promise<void>;
  /**
   * Mark an unused, unexpired invitation used and create its account, in one
   * transaction (AC-5): false when the invitation is unknown, used or expired.
   * Throws DuplicateEmailError when the address is taken (the invitation stays unused).
   */
  redeemInvite(tokenHash: string, account: AccountRecord, now: number): Promise<boolean>;
  accountById(id: string): Promise<AccountRecord | undefined>;
  accountByEmail(email: string): Promise<AccountRecord | undefined>;
  accountByOidcSubject(subject: string): Promise<AccountRecord | undefined>;
  listAccounts(): Promise<AccountRecord[]>;
  updateAccount(id: string, changes: Partial<Pick<AccountRecord, 'name' | 'passwordHash' | 'oidcSubject' | 'disabledAt'>>): Promise<void>;
  createSession(session: AuthSessionRecord): Promise<void>;
  /** The session and its account, if the session exists and has not expired. */
  sessionByTokenHash(tokenHash: string, now: number): Promise<{ session: AuthSessionRecord; account: AccountRecord } | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Every session of the account (disabled, password changed); returns the hashes deleted. */
  deleteSessionsOf(accountId: string, except?: string): Promise<string[]>;
  createInvite(invite: InviteRecord): Promise<void>;
  inviteByTokenHash(tokenHash: string): Promise<InviteRecord | undefined>;
}
