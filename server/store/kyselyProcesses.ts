/** ProcessStore over Kysely (portable SQL, as kyselyStore.ts). */
import type { Kysely, Selectable } from 'kysely';
import { processSettingsSchema, type StepKind, type StepTheme } from '../../shared/process.js';
import { organisationSchema } from '../../shared/schemas.js';
import type { Database } from './migrations.js';
import type { ProcessRecord, ProcessStore, StepRecord } from './types.js';

function toProcess(row: Selectable<Database['processes']>): ProcessRecord {
  return {
    id: row.id,
    title: row.title,
    ownerId: row.owner_id,
    organisations: organisationSchema.array().parse(JSON.parse(row.organisations)),
    settings: processSettingsSchema.parse(JSON.parse(row.settings)),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

export class KyselyProcessStore implements ProcessStore {
  constructor(private readonly db: Kysely<Database>) {}

  async createProcess(p: ProcessRecord): Promise<void> {
    await this.db
      .insertInto('processes')
      .values({
        id: p.id,
        title: p.title,
        owner_id: p.ownerId,
        organisations: JSON.stringify(p.organisations),
        settings: JSON.stringify(p.settings),
        created_at: p.createdAt,
        updated_at: p.updatedAt,
      })
      .execute();
  }

  async processById(id: string): Promise<ProcessRecord | undefined> {
    const row = await this.db.selectFrom('processes').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toProcess(row);
  }

  async processesFor(accountId: string, all: boolean): Promise<ProcessRecord[]> {
    let query = this.db.selectFrom('processes').selectAll();
    if (!all) {
      query = query.where((eb) =>
        eb.or([
          eb('owner_id', '=', accountId),
          eb.exists(
            eb
              .selectFrom('process_facilitators')
              .select('process_facilitators.account_id')
              .whereRef('process_facilitators.process_id', '=', 'processes.id')
              .where('process_facilitators.account_id', '=', accountId),
          ),
        ]),
      );
    }
    const rows = await query.orderBy('updated_at', 'desc').execute();
    return rows.map(toProcess);
  }

  async updateProcess(id: string, changes: Partial<Pick<ProcessRecord, 'title' | 'organisations' | 'settings'>> & { updatedAt: number }): Promise<void> {
    await this.db
      .updateTable('processes')
      .set({
        updated_at: changes.updatedAt,
        ...(changes.title !== undefined ? { title: changes.title } : {}),
        ...(changes.organisations !== undefined ? { organisations: JSON.stringify(changes.organisations) } : {}),
        ...(changes.settings !== undefined ? { settings: JSON.stringify(changes.settings) } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  async deleteProcess(id: string): Promise<void> {
    // Foreign keys cascade to the workshops and from them to participants, answers and decisions.
    await this.db.deleteFrom('processes').where('id', '=', id).execute();
  }

  async facilitatorIds(processId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('process_facilitators').select('account_id').where('process_id', '=', processId).execute();
    return rows.map((r) => r.account_id);
  }

  async addFacilitator(processId: string, accountId: string): Promise<void> {
    await this.db
      .insertInto('process_facilitators')
      .values({ process_id: processId, account_id: accountId })
      .onConflict((oc) => oc.columns(['process_id', 'account_id']).doNothing())
      .execute();
  }

  async removeFacilitator(processId: string, accountId: string): Promise<void> {
    await this.db.deleteFrom('process_facilitators').where('process_id', '=', processId).where('account_id', '=', accountId).execute();
  }

  async steps(processId: string): Promise<StepRecord[]> {
    const rows = await this.db.selectFrom('workshops').selectAll().where('process_id', '=', processId).orderBy('position').orderBy('created_at').execute();
    return rows.map((row) => {
      // Every activity's configuration has a title, a deep-dive's its theme (DD-1); the rest is the activity's own.
      const config = JSON.parse(row.config) as { title?: unknown; theme?: StepTheme };
      return {
        workshopId: row.id,
        processId,
        kind: row.kind as StepKind,
        position: Number(row.position),
        code: row.code,
        title: String(config.title ?? ''),
        phase: row.phase,
        finalisedAt: (JSON.parse(row.meta || '{}') as { finalisedAt?: number | null }).finalisedAt ?? null,
        createdAt: Number(row.created_at),
        theme: row.kind === 'deepdive' && config.theme ? { themeId: config.theme.themeId, name: config.theme.name, tier: config.theme.tier, gateReason: config.theme.gateReason ?? null } : null,
      };
    });
  }

  async nextPosition(processId: string): Promise<number> {
    const row = await this.db
      .selectFrom('workshops')
      .select((eb) => eb.fn.max('position').as('last'))
      .where('process_id', '=', processId)
      .executeTakeFirst();
    return Number(row?.last ?? 0) + 1;
  }
}
