/**
 * Facilitator accounts (SPEC AC-1 … AC-9): the first-start setup link, sign-in
 * with a password, server-side sessions, invitations and disabling. Transport
 * (cookies, CSRF, rate limits) is in http.ts; this knows nothing of Express.
 */
import type { AccountRole, AccountView, CreatedInvite, InviteInfo } from '../../shared/accounts.js';
import { KonsensError } from '../errors.js';
import { hashSecret, newId, newSecret } from '../security/tokens.js';
import type { AccountRecord, AccountStore } from '../store/accountStore.js';
import { DuplicateEmailError } from '../store/accountStore.js';
import { hashPassword, verifyPassword } from './passwords.js';

const DAY = 86_400_000;

export interface AccountPolicy {
  /** AC-4: a session ends this many days after sign-in. */
  sessionDays: number;
  /** AC-5: an invitation link works this many days. */
  inviteDays: number;
}

export const defaultAccountPolicy: AccountPolicy = { sessionDays: 30, inviteDays: 7 };

export interface SignedIn {
  account: AccountRecord;
  /** Hash of the session's token: the name of its sockets' room, for revoking (AC-6). */
  sessionHash: string;
}

export function accountView(a: AccountRecord): AccountView {
  return { id: a.id, email: a.email, name: a.name, role: a.role, disabled: a.disabledAt !== null, oidc: a.oidcSubject !== null, createdAt: a.createdAt };
}

export class AccountService {
  /** AC-1: the setup link of this server start; only its hash is kept. */
  private setupHash: string | null = null;

  constructor(
    readonly store: AccountStore,
    private readonly now: () => number,
    private readonly policy: AccountPolicy,
    /** Sessions ended (sign-out, disabled, password changed): their live connections are closed. */
    private readonly onSessionsEnded: (sessionHashes: string[]) => void,
  ) {}

  /** AC-1: while no account exists, a fresh one-time link per server start (to print); null after. */
  async setupPath(): Promise<string | null> {
    if ((await this.store.countAccounts()) > 0) return null;
    const token = newSecret();
    this.setupHash = hashSecret(token);
    return `/setup/${token}`;
  }

  async setupRequired(): Promise<boolean> {
    return (await this.store.countAccounts()) === 0;
  }

  /** AC-1: the setup link creates the first administrator, once. */
  async setup(request: { token: string; email: string; name: string; password: string }): Promise<AccountRecord> {
    if (this.setupHash === null || hashSecret(request.token) !== this.setupHash) throw new KonsensError('UNAUTHORISED');
    const account = await this.newAccount('admin', request);
    if (!(await this.store.createFirstAccount(account))) throw new KonsensError('UNAUTHORISED');
    this.setupHash = null;
    return account;
  }

  /** AC-3: the account, or null for a wrong address or password or a disabled account (the caller cannot tell which). */
  async verifyLogin(email: string, password: string): Promise<AccountRecord | null> {
    const account = await this.store.accountByEmail(email);
    const matches = await verifyPassword(password, account?.passwordHash ?? null);
    if (!account || !matches || account.disabledAt !== null) return null;
    return account;
  }

  /** AC-4: a new server-side session; the token goes into the cookie only. */
  async startSession(account: AccountRecord): Promise<{ token: string; maxAgeSeconds: number }> {
    const token = newSecret();
    const now = this.now();
    const maxAgeSeconds = this.policy.sessionDays * 86_400;
    await this.store.createSession({ tokenHash: hashSecret(token), accountId: account.id, createdAt: now, expiresAt: now + maxAgeSeconds * 1000 });
    return { token, maxAgeSeconds };
  }

  /** The signed-in account of a cookie token; null for an unknown, expired or ended session or a disabled account. */
  async authenticate(token: string | null): Promise<SignedIn | null> {
    if (!token) return null;
    const sessionHash = hashSecret(token);
    const found = await this.store.sessionByTokenHash(sessionHash, this.now());
    if (!found || found.account.disabledAt !== null) return null;
    return { account: found.account, sessionHash };
  }

  /** AC-6: sign-out ends the session at once, open consoles included. */
  async endSession(sessionHash: string): Promise<void> {
    await this.store.deleteSession(sessionHash);
    this.onSessionsEnded([sessionHash]);
  }

  /** AC-3: with the current password; every other session of the account ends. */
  async changePassword(signedIn: SignedIn, current: string, next: string): Promise<void> {
    const { account } = signedIn;
    if (!account.passwordHash || !(await verifyPassword(current, account.passwordHash))) throw new KonsensError('UNAUTHORISED');
    await this.store.updateAccount(account.id, { passwordHash: await hashPassword(next) });
    this.onSessionsEnded(await this.store.deleteSessionsOf(account.id, signedIn.sessionHash));
  }

  /** AC-5: an invitation link, shown once, valid for `inviteDays` and for one account. */
  async invite(by: AccountRecord, role: AccountRole, note: string | null): Promise<CreatedInvite> {
    const token = newSecret();
    const now = this.now();
    const expiresAt = now + this.policy.inviteDays * DAY;
    await this.store.createInvite({ tokenHash: hashSecret(token), role, note, createdBy: by.id, createdAt: now, expiresAt, usedAt: null });
    return { path: `/invite/${token}`, expiresAt, role };
  }

  async inviteInfo(token: string): Promise<InviteInfo | null> {
    const invite = await this.store.inviteByTokenHash(hashSecret(token));
    if (!invite || invite.usedAt !== null || invite.expiresAt <= this.now()) return null;
    return { role: invite.role, note: invite.note, expiresAt: invite.expiresAt };
  }

  async acceptInvite(token: string, request: { email: string; name: string; password: string }): Promise<AccountRecord> {
    const invite = await this.store.inviteByTokenHash(hashSecret(token));
    if (!invite) throw new KonsensError('NOT_FOUND');
    const account = await this.newAccount(invite.role, request);
    if (!(await this.store.redeemInvite(invite.tokenHash, account, this.now()))) throw new KonsensError('INVITE_USED');
    return account;
  }

  /** AC-6: a disabled account cannot sign in, and its sessions and open consoles end at once. */
  async setDisabled(by: AccountRecord, accountId: string, disabled: boolean): Promise<AccountRecord> {
    if (accountId === by.id) throw new KonsensError('FORBIDDEN');
    const account = await this.store.accountById(accountId);
    if (!account) throw new KonsensError('NOT_FOUND');
    const disabledAt = disabled ? (account.disabledAt ?? this.now()) : null;
    await this.store.updateAccount(accountId, { disabledAt });
    if (disabled) this.onSessionsEnded(await this.store.deleteSessionsOf(accountId));
    return { ...account, disabledAt };
  }

  /** AC-10: a facilitator account for an identity of the organisation's provider (no password). */
  async createFromIdentity(identity: { email: string; name: string; oidcSubject: string }): Promise<AccountRecord> {
    const account: AccountRecord = { id: newId(), ...identity, role: 'facilitator', passwordHash: null, disabledAt: null, createdAt: this.now() };
    await this.store.createAccount(account);
    return account;
  }

  private async newAccount(role: AccountRole, request: { email: string; name: string; password: string }): Promise<AccountRecord> {
    if (await this.store.accountByEmail(request.email)) throw new KonsensError('EMAIL_TAKEN');
    return {
      id: newId(),
      email: request.email,
      name: request.name,
      role,
      passwordHash: await hashPassword(request.password),
      oidcSubject: null,
      disabledAt: null,
      createdAt: this.now(),
    };
  }
}

export { DuplicateEmailError };
