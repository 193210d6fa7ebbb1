/** AccountStore over Kysely (portable SQL, as kyselyStore.ts). */
import type { Kysely, Selectable } from 'kysely';
import type { AccountRole } from '../../shared/accounts.js';
import { DuplicateEmailError, type AccountRecord, type AccountStore, type AuthSessionRecord, type InviteRecord } from './accountStore.js';
import { isCode, isUniqueViolation } from './errors.js';
import type { Database } from './migrations.js';

type AccountRow = Selectable<Database['accounts']>;

function toAccount(row: AccountRow): AccountRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as AccountRole,
    passwordHash: row.password_hash,
    oidcSubject: row.oidc_subject,
    disabledAt: row.disabled_at === null ? null : Number(row.disabled_at),
    createdAt: Number(row.created_at),
  };
}

function accountRow(a: AccountRecord): AccountRow {
  return {
    id: a.id,
    email: a.email,
    name: a.name,
    role: a.role,
    password_hash: a.passwordHash,
    oidc_subject: a.oidcSubject,
    disabled_at: a.disabledAt,
    created_at: a.createdAt,
  };
}

export class KyselyAccountStore implements AccountStore {
  constructor(private readonly db: Kysely<Database>) {}

  async countAccounts(): Promise<number> {
    const row = await this.db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async createFirstAccount(account: AccountRecord): Promise<boolean> {
    try {
      // Serializable: of two setups at once on PostgreSQL one fails to commit (SQLite's writer lock does the same).
      return await this.db.transaction().setIsolationLevel('serializable').execute(async (trx) => {
        const existing = await trx.selectFrom('accounts').select('id').limit(1).executeTakeFirst();
        if (existing) return false;
        await trx.insertInto('accounts').values(accountRow(account)).execute();
        return true;
      });
    } catch (error) {
      // The other setup won (PostgreSQL: serialization failure, 40001).
      if (isCode(error, '40001')) return false;
      throw error;
    }
  }

  async createAccount(account: AccountRecord): Promise<void> {
    try {
      await this.db.insertInto('accounts').values(accountRow(account)).execute();
    } catch (error) {
      throw isUniqueViolation(error) ? new DuplicateEmailError() : error;
    }
  }

  async redeemInvite(tokenHash: string, account: AccountRecord, now: number): Promise<boolean> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        const used = await trx
          .updateTable('invites')
          .set({ used_at: now })
          .where('token_hash', '=', tokenHash)
          .where('used_at', 'is', null)
          .where('expires_at', '>', now)
          .executeTakeFirst();
        if (Number(used.numUpdatedRows) === 0) return false;
        await trx.insertInto('accounts').values(accountRow(account)).execute();
        return true;
      });
    } catch (error) {
      throw isUniqueViolation(error) ? new DuplicateEmailError() : error;
    }
  }

  async accountById(id: string): Promise<AccountRecord | undefined> {
    const row = await this.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toAccount(row);
  }

  async accountByEmail(email: string): Promise<AccountRecord | undefined> {
    const row = await this.db.selectFrom('accounts').selectAll().where('email', '=', email).executeTakeFirst();
    return row && toAccount(row);
  }

  async accountByOidcSubject(subject: string): Promise<AccountRecord | undefined> {
    const row = await this.db.selectFrom('accounts').selectAll().where('oidc_subject', '=', subject).executeTakeFirst();
    return row && toAccount(row);
  }

  async listAccounts(): Promise<AccountRecord[]> {
    const rows = await this.db.selectFrom('accounts').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(toAccount);
  }

  async updateAccount(id: string, changes: Partial<Pick<AccountRecord, 'name' | 'passwordHash' | 'oidcSubject' | 'disabledAt'>>): Promise<void> {
    const set: Partial<AccountRow> = {};
    if (changes.name !== undefined) set.name = changes.name;
    if (changes.passwordHash !== undefined) set.password_hash = changes.passwordHash;
    if (changes.oidcSubject !== undefined) set.oidc_subject = changes.oidcSubject;
    if (changes.disabledAt !== undefined) set.disabled_at = changes.disabledAt;
    if (Object.keys(set).length === 0) return;
    await this.db.updateTable('accounts').set(set).where('id', '=', id).execute();
  }

  async createSession(s: AuthSessionRecord): Promise<void> {
    await this.db
      .insertInto('auth_sessions')
      .values({ token_hash: s.tokenHash, account_id: s.accountId, created_at: s.createdAt, expires_at: s.expiresAt })
      .execute();
  }

  async sessionByTokenHash(tokenHash: string, now: number): Promise<{ session: AuthSessionRecord; account: AccountRecord } | undefined> {
    const row = await this.db
      .selectFrom('auth_sessions')
      .innerJoin('accounts', 'accounts.id', 'auth_sessions.account_id')
      .selectAll('accounts')
      .select(['auth_sessions.token_hash', 'auth_sessions.created_at as session_created_at', 'auth_sessions.expires_at'])
      .where('auth_sessions.token_hash', '=', tokenHash)
      .where('auth_sessions.expires_at', '>', now)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      session: { tokenHash: row.token_hash, accountId: row.id, createdAt: Number(row.session_created_at), expiresAt: Number(row.expires_at) },
      account: toAccount(row),
    };
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('auth_sessions').where('token_hash', '=', tokenHash).execute();
  }

  async deleteSessionsOf(accountId: string, except?: string): Promise<string[]> {
    return this.db.transaction().execute(async (trx) => {
      let query = trx.selectFrom('auth_sessions').select('token_hash').where('account_id', '=', accountId);
      if (except) query = query.where('token_hash', '!=', except);
      const hashes = (await query.execute()).map((r) => r.token_hash);
      if (hashes.length > 0) await trx.deleteFrom('auth_sessions').where('token_hash', 'in', hashes).execute();
      return hashes;
    });
  }

  async createInvite(i: InviteRecord): Promise<void> {
    await this.db
      .insertInto('invites')
      .values({
        token_hash: i.tokenHash,
        role: i.role,
        note: i.note,
        created_by: i.createdBy,
        created_at: i.createdAt,
        expires_at: i.expiresAt,
        used_at: i.usedAt,
      })
      .execute();
  }

  async inviteByTokenHash(tokenHash: string): Promise<InviteRecord | undefined> {
    const row = await this.db.selectFrom('invites').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    if (!row) return undefined;
    return {
      tokenHash: row.token_hash,
      role: row.role as AccountRole,
      note: row.note,
      createdBy: row.created_by,
      createdAt: Number(row.created_at),
      expiresAt: Number(row.expires_at),
      usedAt: row.used_at === null ? null : Number(row.used_at),
    };
  }
}
