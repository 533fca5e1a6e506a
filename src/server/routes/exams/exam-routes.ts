import type { FastifyInstance } from 'fastify';
import type { ExamSummary } from '../../../core/api/contracts.ts';
import type { BankService } from '../../services/bank-service.ts';

export function examRoutes(app: FastifyInstance, opts: { bank: BankService }): void {
  app.get('/api/exams', async (): Promise<ExamSummary[]> =>
    [...opts.bank.exams.values()].map((exam) => {
      const counts = opts.bank.counts(exam.id);
      return {
        id: exam.id,
        code: exam.code,
        name: exam.name,
        passMark: exam.scale.pass,
        scale: { min: exam.scale.min, max: exam.scale.max },
        profiles: Object.entries(exam.profiles).map(([id, p]) => ({ id, label: p.label, items: p.items, minutes: p.minutes })),
        accommodations: Object.entries(exam.accommodations).map(([id, a]) => ({ id, label: a.label, extraMinutes: a.extraMinutes })),
        domains: exam.domains.map((d) => ({ id: d.id, name: d.name, weight: d.weight, tasks: d.tasks.map((t) => ({ id: t.id, title: t.title, items: counts.byTask.get(t.id) ?? 0 })) })),
        modules: exam.modules.map((m) => ({ id: m.id, title: m.title, titleFr: m.titleFr, tasks: m.tasks, items: counts.byModule.get(m.id) ?? 0 })),
      };
    }),
  );
}
