import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Changelog, CreateDispute, DisputeQueue, MyDispute, Notices, ResolveDispute, User } from '../../core/api/contracts.ts';
import { correctKey } from '../../core/items/correct-key.ts';
import { entryExams } from '../../core/items/exam-tags.ts';
import { entryQuestions } from '../../core/items/item-schema.ts';
import { attempts } from '../../db/repositories/attempts.ts';
import { disputes, type DisputeRow } from '../../db/repositories/disputes.ts';
import { revealedKeys } from '../../db/repositories/revealed-keys.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, badRequest, conflict, notFound } from '../errors.ts';
import { applyCorrection, type ScoreLine } from './apply-correction.ts';
import type { BankService } from './bank-service.ts';

/** A candidate may have this many disputes waiting for a decision at once. */
export const OPEN_DISPUTES_PER_USER = 20;
const iso = (ms: number | string | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/**
 * Key disputes: once a question's key is revealed to a candidate (practice feedback or a report), they may
 * dispute it; authors see the open disputes per question and resolve them (a corrected key re-scores every
 * attempt that answered the question, a rejection gives its reason, a retired question leaves the bank).
 * Corrections go to a public changelog that never shows a question's text or key.
 */
export class DisputeService {
  constructor(private readonly deps: { db: Kysely<Database>; bank: BankService; now: () => number }) {}

  async create(user: User, attemptId: string, position: number, body: CreateDispute): Promise<MyDispute> {
    const { db, bank, now } = this.deps;
    const record = await attempts.byId(db, attemptId);
    if (!record || record.userId !== user.id) throw notFound('This attempt');
    const entry = record.form.find((e) => e.position === position);
    if (!entry) throw notFound(`Question ${position} of this attempt`);
    if (!(await revealedKeys.seenBefore(db, user.id, [entry.itemId], now() + 1)).has(entry.itemId)) throw conflict('key-not-revealed', 'You can dispute a key once it has been shown to you: check the question in practice, or submit the attempt.');
    const question = (await bank.resolve([entry], record.exam)).get(entry.itemId)!.question;
    let proposed: string[] = [];
    if (question.type === 'single' || question.type === 'multiple') {
      proposed = body.proposed.map((p) => {
        const bankId = /^o(\d+)$/.test(p) ? entry.order[Number(p.slice(1)) - 1] : undefined;
        if (!bankId) throw badRequest(`"${p}" is not an option of this question.`, { field: 'proposed' });
        return bankId;
      });
      const wanted = question.type === 'single' ? 1 : question.select;
      if (new Set(proposed).size !== wanted) throw badRequest(`Choose the ${wanted === 1 ? 'option' : `${wanted} options`} you believe ${wanted === 1 ? 'is' : 'are'} right.`, { field: 'proposed' });
    } else if (body.proposed.length) throw badRequest('For an ordering or matching question, say what you believe is right in your explanation.', { field: 'proposed' });
    if (await disputes.openOf(db, user.id, entry.itemId)) throw conflict('already-disputed', 'You already disputed this question; an author will answer it.');
    if ((await disputes.countOpenOf(db, user.id)) >= OPEN_DISPUTES_PER_USER) throw new AppError(429, 'too-many', `You have ${OPEN_DISPUTES_PER_USER} disputes waiting for an answer; wait for some before sending more.`);
    const row: DisputeRow = { id: randomUUID(), user_id: user.id, item_id: entry.itemId, version_id: entry.versionId, exam: record.exam, proposed: JSON.stringify(proposed), reason: body.reason, link: body.link, status: 'open', resolution: null, resolved_by: null, resolved_ms: null, created_ms: now() };
    await disputes.insert(db, row);
    return this.mine(row);
  }

  async notices(user: User): Promise<Notices> {
    const { db } = this.deps;
    const [rows, own] = await Promise.all([disputes.notices(db, user.id), disputes.ofUser(db, user.id)]);
    return {
      notices: rows.map((n) => ({ attemptId: n.attempt_id, itemId: n.item_id, kind: n.kind as Notices['notices'][number]['kind'], summary: n.summary, before: JSON.parse(n.before) as ScoreLine, after: JSON.parse(n.after) as ScoreLine, date: iso(n.created_ms)!, seen: n.seen_ms !== null })),
      disputes: own.map((d) => this.mine(d)),
    };
  }

  async markSeen(user: User): Promise<void> {
    await disputes.markSeen(this.deps.db, user.id, this.deps.now());
  }

  /** Open disputes per question, most disputed first, with the question as served and its statistics. */
  async queue(): Promise<DisputeQueue> {
    const { db, bank } = this.deps;
    const byItem = new Map<string, DisputeRow[]>();
    for (const d of await disputes.open(db)) byItem.set(d.item_id, [...(byItem.get(d.item_id) ?? []), d]);
    const items: DisputeQueue['items'] = [];
    for (const [itemId, list] of byItem) {
      const current = bank.current(itemId);
      const q = current && entryQuestions(current.entry).find((x) => x.id === itemId);
      if (!current || !q) continue;
      const stats = await disputes.itemStats(db, itemId);
      const proposals = list.flatMap((d) => JSON.parse(d.proposed) as string[]);
      items.push({
        itemId,
        exams: entryExams(current.entry) ?? [],
        stem: q.stem,
        type: q.type,
        options: q.type === 'single' || q.type === 'multiple' ? q.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct, why: o.why ?? null, proposedBy: proposals.filter((p) => p === o.id).length })) : [],
        explanation: q.explanation ?? null,
        stats,
        disputes: list.map((d) => ({ id: d.id, proposed: JSON.parse(d.proposed) as string[], reason: d.reason, link: d.link, createdAt: iso(d.created_ms)! })),
      });
    }
    return { items: items.sort((a, b) => b.disputes.length - a.disputes.length || a.itemId.localeCompare(b.itemId)) };
  }

  async resolve(author: User, itemId: string, body: ResolveDispute): Promise<{ decision: ResolveDispute['decision']; disputes: number; rescored: number; changeId: string | null }> {
    const { db, bank, now } = this.deps;
    if ((await disputes.open(db, itemId)).length === 0) throw notFound('An open dispute on this question');
    const current = bank.current(itemId);
    if (!current) throw notFound('The question');
    if (body.decision === 'reject') {
      const n = await disputes.resolveAll(db, itemId, 'rejected', body.reason, author.id, now());
      return { decision: 'reject', disputes: n, rescored: 0, changeId: null };
    }
    if (body.decision === 'retire') {
      const changeId = randomUUID();
      let n = 0;
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('items').set({ active: 0, updated_ms: now() }).where('collection', '=', current.collection).where('item_id', '=', current.entry.id).execute();
        await disputes.insertChange(trx, { id: changeId, item_id: itemId, exams: JSON.stringify(entryExams(current.entry) ?? []), kind: 'item-retired', from_version: current.versionId, to_version: null, summary: body.reason, created_ms: now() });
        n = await disputes.resolveAll(trx, itemId, 'accepted', body.reason, author.id, now());
      });
      await bank.refresh();
      return { decision: 'retire', disputes: n, rescored: 0, changeId };
    }
    const corrected = correctKey(current.entry, itemId, { key: body.key, why: body.why, ...(body.explanation !== undefined ? { explanation: body.explanation } : {}) });
    if ('problem' in corrected) throw badRequest(corrected.problem);
    const q = entryQuestions(corrected.entry).find((x) => x.id === itemId)!;
    const keyText = q.type === 'single' || q.type === 'multiple' ? q.options.filter((o) => o.correct).map((o) => `“${o.text}”`).join(' and ') : '';
    const summary = corrected.kind === 'key-corrected' ? `The key is now ${keyText}. ${body.reason}` : `The rationale was rewritten. ${body.reason}`;
    let n = 0;
    const applied = await applyCorrection(this.deps, { itemId, entry: corrected.entry, kind: corrected.kind, summary }, async (trx) => {
      n = await disputes.resolveAll(trx, itemId, 'accepted', body.reason, author.id, now());
    });
    return { decision: 'accept', disputes: n, rescored: applied.rescored, changeId: applied.changeId };
  }

  /** A candidate's dispute as they read it: the options they proposed by their text (the bank's ids mean nothing to them). */
  private mine(d: DisputeRow): MyDispute {
    const current = this.deps.bank.current(d.item_id);
    const q = current && entryQuestions(current.entry).find((x) => x.id === d.item_id);
    const text = (id: string) => (q && (q.type === 'single' || q.type === 'multiple') ? (q.options.find((o) => o.id === id)?.text ?? id) : id);
    return { id: d.id, itemId: d.item_id, exam: d.exam, proposed: (JSON.parse(d.proposed) as string[]).map(text), reason: d.reason, link: d.link, status: d.status as MyDispute['status'], resolution: d.resolution, createdAt: iso(d.created_ms)!, resolvedAt: iso(d.resolved_ms) };
  }

  /** The corrections of an exam, newest first: the date, the question's id and the kind of change for anyone; the summary only for a signed-in user who met the question. */
  async changelog(examId: string, user: User | undefined): Promise<Changelog> {
    const { db, bank } = this.deps;
    if (!bank.exam(examId)) throw notFound(`The exam "${examId}"`);
    const met = user ? await disputes.seenItems(db, user.id) : new Set<string>();
    const changes = (await disputes.changes(db)).filter((c) => {
      const exams = JSON.parse(c.exams) as string[];
      return exams.length === 0 || exams.includes(examId);
    });
    return { exam: examId, changes: changes.map((c) => ({ date: iso(c.created_ms)!.slice(0, 10), itemId: c.item_id, kind: c.kind as Changelog['changes'][number]['kind'], detail: met.has(c.item_id) ? c.summary : null })) };
  }
}
