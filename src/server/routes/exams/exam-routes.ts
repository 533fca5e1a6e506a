import type { FastifyInstance } from 'fastify';
import type { ExamSummary } from '../../../core/api/contracts.ts';
import { examStatus } from '../../../core/exam/exam-status.ts';
import type { BankService } from '../../services/bank-service.ts';
import { isoDay } from '../../../core/util/iso-day.ts';

/** The exam catalogue: every version with its status on the server's day, blueprint and item counts. */
export function examRoutes(app: FastifyInstance, opts: { bank: BankService; now: () => number }): void {
  app.get('/api/exams', async (): Promise<ExamSummary[]> =>
    [...opts.bank.exams.values()].map((exam) => {
      const counts = opts.bank.counts(exam.id);
      return {
        id: exam.id,
        code: exam.code,
        name: exam.name,
        passMark: exam.scale.pass,
        scale: { min: exam.scale.min, max: exam.scale.max },
        status: examStatus(exam, opts.bank.exams, isoDay(opts.now())),
        mockTypes: [...exam.mockTypes],
        profiles: Object.entries(exam.profiles).map(([id, p]) => ({ id, label: p.label, items: p.items, scored: p.scored, unscored: p.unscored, minutes: p.minutes, note: p.note ?? null })),
        accommodations: Object.entries(exam.accommodations).map(([id, a]) => ({ id, label: a.label, extraMinutes: a.extraMinutes })),
        domains: exam.domains.map((d) => ({
          id: d.id,
          name: d.name,
          nameFr: d.nameFr ?? null,
          weight: d.weight,
          tasks: d.tasks.map((t) => ({
            id: t.id,
            title: t.title,
            titleFr: t.titleFr ?? null,
            items: counts.byTask.get(t.id) ?? 0,
            bullets: [...t.knowledge, ...t.skills].map((b) => ({ id: b.id, text: b.text, new: b.new ?? false, items: counts.byBullet.get(b.id) ?? 0 })),
          })),
        })),
        modules: exam.modules.map((m) => ({ id: m.id, title: m.title, titleFr: m.titleFr, tasks: m.tasks, items: counts.byModule.get(m.id) ?? 0 })),
      };
    }),
  );
}
