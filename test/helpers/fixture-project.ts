import type { ExamDefinition } from '../../src/core/exam/exam-schema.ts';
import type { Project } from '../../src/core/projects/project-schema.ts';

/** A small project for API tests, tagged with the first three bullets or skills of `exam`, with a four-criterion rubric. */
export function fixtureProject(exam: ExamDefinition, id = 'feature-pipeline', order = 1): Project {
  const bullets = exam.domains[0]!.tasks.flatMap((t) => [...t.knowledge, ...t.skills]).slice(0, 3).map((b) => b.id);
  return {
    id,
    title: `Project ${order}`,
    titleFr: `Projet ${order}`,
    order,
    hours: 8,
    exams: { [exam.id]: { bullets } },
    services: ['Amazon S3', 'AWS Glue'],
    cost: { usd: 4, basis: 'us-east-1 on-demand prices for two hours.' },
    references: ['https://docs.aws.amazon.com/glue/latest/dg/what-is-glue.html'],
    deliverables: [{ id: 'diagram', text: 'An architecture diagram.' }, { id: 'report', text: 'A run report.' }, { id: 'cost', text: 'A cost note.' }],
    rubric: ['quality', 'features', 'security', 'cost'].map((c) => ({ id: c, criterion: `Judged on ${c}`, levels: [0, 1, 2, 3].map((l) => `${l}: level ${l} of ${c}`) })),
    body: '## Scenario\n\nA scenario.\n\n## Steps\n\n1. Do it.',
    words: 8,
  };
}
