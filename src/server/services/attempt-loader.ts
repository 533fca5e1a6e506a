import type { Kysely } from 'kysely';
import type { User } from '../../core/api/contracts.ts';
import { attempts, type AttemptRecord } from '../../db/repositories/attempts.ts';
import type { Database } from '../../db/schema.ts';
import { notFound } from '../errors.ts';
import type { BankService, ResolvedQuestion } from './bank-service.ts';

export interface Loaded {
  record: AttemptRecord;
  questions: Map<string, ResolvedQuestion>;
}

/** Open attempts this instance keeps in memory, at most this many (the oldest dropped first). */
const MAX_CACHED = 10_000;

/**
 * An attempt and its questions, for its owner only, with this instance's copy of the open ones for the
 * autosave path (the form and its questions never change while it is open).
 */
export class AttemptLoader {
  private cache = new Map<string, Loaded>();

  constructor(private readonly deps: { db: Kysely<Database>; bank: BankService }) {}

  /**
   * Only autosave (`cached`) trusts this instance's copy of an open attempt: the writer re-checks the
   * status in its transaction. Every other read goes to the store, since another instance may have
   * submitted the attempt.
   */
  async load(user: User, id: string, opts: { cached?: boolean } = {}): Promise<Loaded> {
    const cached = this.cache.get(id);
    if (opts.cached && cached && cached.record.status === 'open') {
      if (cached.record.userId !== user.id) throw notFound('This attempt');
      return cached;
    }
    const record = await attempts.byId(this.deps.db, id);
    // Another user's attempt is "not found": its existence is not revealed.
    if (!record || record.userId !== user.id) throw notFound('This attempt');
    // A form only grows (a quick check's) or has a question moved to a corrected version (a key dispute
    // accepted): the cached questions are reused only while every entry names the same version.
    const same = cached && cached.record.form.length === record.form.length && cached.record.form.every((e, i) => e.versionId === record.form[i]!.versionId);
    const questions = same ? cached.questions : await this.deps.bank.resolve(record.form, record.exam);
    const loaded = { record, questions };
    if (record.status === 'open') {
      if (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(id, loaded);
    } else this.cache.delete(id);
    return loaded;
  }

  /** Drops this instance's copy: the attempt was closed, or changed elsewhere. */
  forget(id: string): void {
    this.cache.delete(id);
  }
}
