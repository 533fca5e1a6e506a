import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DraftSummary, DraftView, PresentedItem, User } from '../../core/api/contracts.ts';
import { indexExam } from '../../core/exam/exam-schema.ts';
import { presentItem } from '../../core/exam/present-item.ts';
import { entryQuestions, type BankEntry } from '../../core/items/item-schema.ts';
import { lineDiff } from '../../core/util/line-diff.ts';
import { checkDraft } from '../../content/check-draft.ts';
import { writeYaml } from '../../formats/yaml/write-yaml.ts';
import { disputes } from '../../db/repositories/disputes.ts';
import { items } from '../../db/repositories/items.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../errors.ts';
import type { BankService } from './bank-service.ts';

type Row = Database['item_drafts'];
/** New items written in the app are served from this collection, beside the built-in bank. */
export const AUTHORED_COLLECTION = 'authored';
const iso = (ms: number | string) => new Date(Number(ms)).toISOString();

/** A new item's starting YAML: the shape of its type, to be written over (it fails validation until it is). */
function template(type: 'single' | 'multiple' | 'ordering' | 'matching', exam: string, task: string, id: string): string {
  const head = `items:\n  - id: ${id}\n    type: ${type}\n    exams:\n      ${exam}: {task: "${task}", bullets: [], module: 1, angoff: 0.6}\n    difficulty: 2\n    stem: |\n      Write the scenario and the question here.\n`;
  const tail = `    explanation: |\n      Why the key is right, in a few sentences.\n    references:\n      - https://docs.aws.amazon.com/\n`;
  if (type === 'ordering') return `${head}    steps:\n${['a', 'b', 'c', 'd'].map((s) => `      - {id: ${s}, text: "Step ${s}"}`).join('\n')}\n${tail}`;
  if (type === 'matching') return `${head}    prompts:\n${['a', 'b', 'c'].map((p) => `      - {id: ${p}, text: "Prompt ${p}", match: r${p}}`).join('\n')}\n    responses:\n${['a', 'b', 'c'].map((r) => `      - {id: r${r}, text: "Response ${r}"}`).join('\n')}\n${tail}`;
  const n = type === 'multiple' ? 5 : 4;
  const options = Array.from({ length: n }, (_, i) => `      - id: ${String.fromCharCode(97 + i)}\n        text: Option ${i + 1}\n${i < (type === 'multiple' ? 2 : 1) ? '        correct: true\n' : ''}        why: Why this option is right or wrong.`).join('\n');
  return `${head}${type === 'multiple' ? '    select: 2\n' : ''}    options:\n${options}\n${tail}`;
}

/**
 * Writing and reviewing items in the app: an author starts a draft (of an existing item, or a new one), edits
 * it as the content files' YAML with the validator's and the linter's findings and a preview as a candidate
 * sees it, and sends it for review; a second author approves (the item is published as a new version, live in
 * practice at once) or sends it back with a note. New items join the `authored` collection.
 */
export class AuthoringService {
  constructor(private readonly deps: { db: Kysely<Database>; bank: BankService; now: () => number }) {}

  /** Drafts in progress and waiting for review, then the 20 last published (each keeps its diff: the item's history). */
  async list(): Promise<DraftSummary[]> {
    const { db } = this.deps;
    const open = await db.selectFrom('item_drafts').selectAll().where('status', '!=', 'published').orderBy('updated_ms', 'desc').execute();
    const published = await db.selectFrom('item_drafts').selectAll().where('status', '=', 'published').orderBy('updated_ms', 'desc').limit(20).execute();
    const rows = [...open, ...published];
    const names = await this.names(rows);
    return rows.map((r) => this.summary(r, names));
  }

  async start(author: User, body: { itemId: string } | { type: 'single' | 'multiple' | 'ordering' | 'matching'; exam: string }): Promise<DraftView> {
    const { db, bank, now } = this.deps;
    let yaml: string;
    let itemId: string;
    let base: string | null = null;
    if ('itemId' in body) {
      const current = bank.current(body.itemId);
      if (!current) throw notFound(`The question ${body.itemId}`);
      const open = await db.selectFrom('item_drafts').select('id').where('item_id', '=', current.entry.id).where('status', '!=', 'published').executeTakeFirst();
      if (open) throw conflict('draft-exists', `The question ${current.entry.id} already has a draft in progress; open it instead.`, { draftId: open.id });
      itemId = current.entry.id;
      base = current.versionId;
      yaml = writeYaml([current.entry]).output;
    } else {
      const exam = bank.exam(body.exam);
      if (!exam) throw badRequest(`There is no exam "${body.exam}".`);
      if (!exam.mockTypes.includes(body.type)) throw badRequest(`${exam.code} does not ask ${body.type} questions.`);
      itemId = `draft-${randomUUID().slice(0, 8)}`;
      yaml = template(body.type, exam.id, exam.domains[0]!.tasks[0]!.id, itemId);
    }
    const id = randomUUID();
    await db.insertInto('item_drafts').values({ id, item_id: itemId, base_version: base, yaml, status: 'draft', author_id: author.id, reviewer_id: null, review_note: null, published_version: null, created_ms: now(), updated_ms: now() }).execute();
    return this.view(author, id);
  }

  async view(user: User, id: string): Promise<DraftView> {
    const row = await this.row(id);
    const names = await this.names([row]);
    const { entry, problems } = this.check(row.yaml);
    const baseEntry = row.base_version ? (await items.versions(this.deps.db, [row.base_version])).get(row.base_version) : undefined;
    const stats = row.base_version ? await disputes.itemStats(this.deps.db, row.item_id) : null;
    return {
      ...this.summary(row, names),
      yaml: row.yaml,
      reviewNote: row.review_note,
      mine: row.author_id === user.id,
      problems: problems.map((p) => ({ severity: p.severity, code: p.code, message: p.message, line: p.line, column: p.column })),
      preview: entry ? preview(entry) : [],
      diff: lineDiff(baseEntry ? writeYaml([baseEntry]).output : '', row.yaml),
      stats,
    };
  }

  async save(author: User, id: string, yaml: string): Promise<DraftView> {
    const row = await this.own(author, id, 'draft');
    await this.deps.db.updateTable('item_drafts').set({ yaml, updated_ms: this.deps.now() }).where('id', '=', row.id).execute();
    return this.view(author, id);
  }

  async submit(author: User, id: string): Promise<DraftView> {
    const row = await this.own(author, id, 'draft');
    const { entry, problems } = this.check(row.yaml);
    const errors = problems.filter((p) => p.severity === 'error');
    if (!entry || errors.length) throw badRequest(`The draft has ${errors.length} error${errors.length === 1 ? '' : 's'}: fix ${errors.length === 1 ? 'it' : 'them'} before asking for a review.`);
    this.clash(row, entry);
    await this.deps.db.updateTable('item_drafts').set({ item_id: entry.id, status: 'review', review_note: null, updated_ms: this.deps.now() }).where('id', '=', id).execute();
    return this.view(author, id);
  }

  /** A second author approves (publishes) or sends the draft back with a note; nobody reviews their own. */
  async review(reviewer: User, id: string, approve: boolean, note: string): Promise<DraftView> {
    const { db, bank, now } = this.deps;
    const row = await this.row(id);
    if (row.status !== 'review') throw conflict('not-in-review', 'This draft is not waiting for a review.');
    if (row.author_id === reviewer.id) throw forbidden('own-draft', 'A second author reviews a draft: you cannot approve your own.');
    if (!approve) {
      if (!note) throw badRequest('Say what to change: a draft is sent back with a note.');
      await db.updateTable('item_drafts').set({ status: 'draft', reviewer_id: reviewer.id, review_note: note, updated_ms: now() }).where('id', '=', id).execute();
      return this.view(reviewer, id);
    }
    const { entry } = this.check(row.yaml);
    if (!entry) throw new AppError(409, 'draft-invalid', 'The draft no longer passes validation (the exam definitions changed?): send it back.');
    this.clash(row, entry);
    const collection = row.base_version ? (bank.current(entryQuestions(entry)[0]!.id)?.collection ?? AUTHORED_COLLECTION) : AUTHORED_COLLECTION;
    let version = '';
    await db.transaction().execute(async (trx) => {
      version = await items.publish(trx, collection, entry, now());
      await trx.updateTable('item_drafts').set({ item_id: entry.id, status: 'published', reviewer_id: reviewer.id, review_note: note || null, published_version: version, updated_ms: now() }).where('id', '=', id).execute();
    });
    await bank.refresh();
    return this.view(reviewer, id);
  }

  private check(yaml: string) {
    const { bank } = this.deps;
    return checkDraft(yaml, [...bank.exams.values()].map(indexExam), bank.activeEntries());
  }

  /** A new item may not take an id the bank already serves; an edit keeps its item's id. */
  private clash(row: Row, entry: BankEntry): void {
    if (entry.id !== row.item_id && row.base_version) throw badRequest(`A draft of ${row.item_id} keeps its id; write a new item to use "${entry.id}".`);
    const taken = entryQuestions(entry).map((q) => q.id).concat(entry.id).find((qid) => this.deps.bank.current(qid) && (!row.base_version || this.deps.bank.current(qid)!.entry.id !== row.item_id));
    if (taken) throw conflict('id-taken', `The id "${taken}" is already a question of the bank.`);
  }

  private async row(id: string): Promise<Row> {
    const row = await this.deps.db.selectFrom('item_drafts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('The draft');
    return row;
  }

  private async own(author: User, id: string, status: string): Promise<Row> {
    const row = await this.row(id);
    if (row.author_id !== author.id) throw forbidden('not-yours', 'Only its author edits a draft.');
    if (row.status !== status) throw conflict('not-editable', row.status === 'review' ? 'The draft is waiting for a review: it cannot change meanwhile.' : 'The draft was published; start a new one to change the item again.');
    return row;
  }

  private async names(rows: Row[]): Promise<Map<string, string>> {
    const ids = [...new Set(rows.flatMap((r) => [r.author_id, r.reviewer_id]).filter((x): x is string => !!x))];
    if (!ids.length) return new Map();
    return new Map((await this.deps.db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute()).map((u) => [u.id, u.name]));
  }

  private summary(r: Row, names: Map<string, string>): DraftSummary {
    return { id: r.id, itemId: r.item_id, status: r.status as DraftSummary['status'], isNew: r.base_version === null, author: r.author_id ? (names.get(r.author_id) ?? null) : null, reviewer: r.reviewer_id ? (names.get(r.reviewer_id) ?? null) : null, updatedAt: iso(r.updated_ms) };
  }
}

/** Each question of the entry as a candidate sees it (options in the file's order). */
function preview(entry: BankEntry): PresentedItem[] {
  const questions = entryQuestions(entry);
  return questions.map((q, i) => {
    const order = q.type === 'single' || q.type === 'multiple' ? q.options.map((o) => o.id) : q.type === 'ordering' ? q.steps.map((s) => s.id) : q.prompts.map((p) => p.id);
    const responses = q.type === 'matching' ? q.responses.map((r) => r.id) : undefined;
    const ctx = entry.type === 'case' ? { caseStudy: entry, index: i + 1, count: questions.length } : undefined;
    return presentItem(q, { position: i, itemId: q.id, domain: '', scored: true, order, responses }, ctx);
  });
}
