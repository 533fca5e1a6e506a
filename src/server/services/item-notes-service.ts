import type { Kysely } from 'kysely';
import type { AttemptView, ItemNote, ScoreReport, User } from '../../core/api/contracts.ts';
import { attempts, type AttemptRecord } from '../../db/repositories/attempts.ts';
import { itemNotes } from '../../db/repositories/item-notes.ts';
import type { Database } from '../../db/schema.ts';
import { badRequest, conflict, notFound } from '../errors.ts';

/**
 * Bookmarks and personal notes on questions, and "I was unsure" on practice answers. The browser names a question by its attempt and
 * position (it never sees bank ids before a report); the note is kept on the question itself, so it
 * shows again in every later practice and report. A mock in progress has none, as on the real exam.
 */
export class ItemNotesService {
  constructor(private readonly deps: { db: Kysely<Database>; now: () => number }) {}

  async save(user: User, attemptId: string, position: number, note: ItemNote): Promise<ItemNote> {
    const record = await this.owned(user, attemptId);
    if (record.kind === 'mock' && record.status === 'open') {
      throw conflict('notes-in-mock', 'A mock exam in progress takes no bookmarks or notes, as on the real exam: add them from its report.');
    }
    const entry = record.form[position];
    if (!entry) throw badRequest(`position ${position} is not on this attempt (it has ${record.form.length} questions).`);
    await itemNotes.save(this.deps.db, user.id, entry.itemId, note, this.deps.now());
    return note;
  }

  /**
   * "I was unsure" on a practice answer: a right answer so marked still enters the review queue (as
   * Hard). It must be said before the question is checked or the practice finished.
   */
  async markUnsure(user: User, attemptId: string, position: number, unsure: boolean): Promise<{ unsure: boolean }> {
    const record = await this.owned(user, attemptId);
    if (record.kind !== 'practice') throw conflict('unsure-practice-only', 'Only a practice answer can be marked unsure.');
    if (record.status !== 'open') throw conflict('attempt-submitted', 'This practice is over; its answers can no longer change.');
    if (!record.form[position]) throw badRequest(`position ${position} is not on this attempt (it has ${record.form.length} questions).`);
    const { db } = this.deps;
    if (unsure) await db.insertInto('unsure_answers').values({ attempt_id: attemptId, position, updated_ms: this.deps.now() }).onConflict((oc) => oc.columns(['attempt_id', 'position']).doNothing()).execute();
    else await db.deleteFrom('unsure_answers').where('attempt_id', '=', attemptId).where('position', '=', position).execute();
    return { unsure };
  }

  /** A practice's view with the notes on its questions (a mock's and a quick check's have none). */
  async withNotes(user: User, view: AttemptView): Promise<AttemptView> {
    if (view.kind !== 'practice') return view;
    const record = await this.owned(user, view.id);
    const notes = await itemNotes.forItems(this.deps.db, user.id, record.form.map((e) => e.itemId));
    const byPosition: NonNullable<AttemptView['notes']> = {};
    record.form.forEach((e, position) => {
      const n = notes.get(e.itemId);
      if (n) byPosition[String(position)] = n;
    });
    const unsure = await this.deps.db.selectFrom('unsure_answers').select('position').where('attempt_id', '=', view.id).execute();
    return { ...view, notes: byPosition, unsure: unsure.map((u) => u.position) };
  }

  /** A report with the user's note on each question that has one. */
  async reportWithNotes(user: User, report: ScoreReport): Promise<ScoreReport> {
    const notes = await itemNotes.forItems(this.deps.db, user.id, report.items.map((i) => i.itemId));
    if (notes.size === 0) return report;
    return { ...report, items: report.items.map((i) => (notes.has(i.itemId) ? { ...i, note: notes.get(i.itemId) } : i)) };
  }

  private async owned(user: User, attemptId: string): Promise<AttemptRecord> {
    const record = await attempts.byId(this.deps.db, attemptId);
    if (!record || record.userId !== user.id) throw notFound('This attempt');
    return record;
  }
}
