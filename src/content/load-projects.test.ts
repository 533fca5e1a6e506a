import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from './load-content.ts';
import { loadProjects } from './load-projects.ts';

const { exams, projects: builtIn, problems: builtInProblems } = await loadContent('content');
const filler = (n: number) => Array.from({ length: n }, (_, i) => `Sentence ${i} explains how the pipeline validates each batch before it is stored.`).join(' ');
const level = (i: number) => `"${i}: The submission shows level ${i} evidence."`;
const criterion = (id: string) => `  - id: ${id}\n    criterion: "Judged on ${id}"\n    levels: [${[0, 1, 2, 3].map(level).join(', ')}]`;

function project(opts: { id?: string; order?: number; services?: string; body?: string; rubric?: string; bullets?: string } = {}): string {
  const body = opts.body ?? ['## Scenario', filler(30), '## Goal', filler(10), '## Steps', '1. Create a bucket.\n2. Run the job.', filler(20), '## Clean-up', 'Delete the bucket.'].join('\n\n');
  return [
    '---',
    `id: ${opts.id ?? 'feature-pipeline'}`,
    'title: A feature pipeline',
    'titleFr: Un pipeline de caractéristiques',
    `order: ${opts.order ?? 1}`,
    'hours: 8',
    'exams:',
    `  mla-c02: {bullets: [${opts.bullets ?? '1.1.s1, 1.1.s2, 1.2.s1'}]}`,
    `services: [${opts.services ?? 'Amazon S3, AWS Glue'}]`,
    'cost: {usd: 4, basis: "us-east-1 on-demand prices for two hours of a small job."}',
    'references:',
    ...Array.from({ length: 4 }, (_, i) => `  - https://docs.aws.amazon.com/glue/page-${i}.html`),
    'deliverables:',
    ...['diagram', 'ruleset', 'report'].map((d) => `  - {id: ${d}, text: "The ${d} of the pipeline."}`),
    'rubric:',
    opts.rubric ?? ['quality', 'features', 'security', 'cost'].map(criterion).join('\n'),
    '---',
    body,
    '',
  ].join('\n');
}

async function load(files: Record<string, string>) {
  const dir = await mkdtemp(path.join(tmpdir(), 'projects-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return loadProjects(dir, exams);
}

describe('loadProjects', () => {
  it('loads a valid project with its rubric and body', async () => {
    const { projects, problems } = await load({ 'feature-pipeline.md': project() });
    expect(problems).toEqual([]);
    expect(projects.map((p) => [p.id, p.rubric.length, p.deliverables.length])).toEqual([['feature-pipeline', 4, 3]]);
    expect(projects[0]!.words).toBeGreaterThanOrEqual(500);
  });

  it('refuses a service closed to new customers or in maintenance, wherever it is named', async () => {
    const inServices = await load({ 'feature-pipeline.md': project({ services: 'Amazon S3, Amazon SageMaker Model Monitor' }) });
    expect(inServices.projects).toEqual([]);
    expect(inServices.problems.map((p) => p.code)).toEqual(['project-service']);
    expect(inServices.problems[0]!.message).toContain('Amazon SageMaker Model Monitor');
    const body = ['## Scenario', filler(30), '## Goal', 'Index documents with Amazon Kendra.', '## Steps', '1. Go.', filler(20), '## Clean-up', 'Delete.'].join('\n\n');
    const inBody = await load({ 'feature-pipeline.md': project({ body }) });
    expect(inBody.problems.map((p) => [p.code, p.line])).toEqual([['project-service', 40]]);
  });

  it('says where a rubric level, a bullet, the sections or the length are wrong', async () => {
    const badLevels = `  - id: quality\n    criterion: "Quality"\n    levels: ["0: none at all", "2: some of it", "1: most", "3: all of it"]\n${['a', 'b', 'c'].map(criterion).join('\n')}`;
    const levels = await load({ 'feature-pipeline.md': project({ rubric: badLevels }) });
    expect(levels.problems.map((p) => [p.code, p.line, p.message])).toEqual([['project-schema', 23, 'rubric.0.levels: each level starts with its points, "0: " to "3: ", in order']]);
    const bullet = await load({ 'feature-pipeline.md': project({ bullets: '1.1.s1, 1.1.s2, 9.9.s9' }) });
    expect(bullet.problems.map((p) => p.message)).toEqual(['exams.mla-c02: MLA-C02 has no bullet or skill 9.9.s9']);
    const short = await load({ 'feature-pipeline.md': project({ body: '## Scenario\n\nShort.\n\n## Steps\n\nNo list here.' }) });
    expect(short.problems.map((p) => p.message)).toEqual(['missing the section "## Goal"', 'missing the section "## Clean-up"', 'the steps are a numbered list ("1. …")', 'the body has 6 words (500–2000)']);
  });

  it('refuses two projects with one order, and an id that is not the file name', async () => {
    const { projects, problems } = await load({ 'feature-pipeline.md': project(), 'other.md': project({ id: 'second' }) });
    expect(projects.map((p) => p.id)).toEqual(['feature-pipeline']);
    expect(problems.map((p) => p.code).sort()).toEqual(['project-id', 'project-order']);
  });

  it('the built-in projects load without a problem, in order, tagged for both exams', () => {
    expect(builtInProblems.filter((p) => p.code.startsWith('project'))).toEqual([]);
    expect(builtIn.map((p) => p.id)).toEqual(['feature-pipeline', 'train-tune-register', 'rag-deploy-monitor']);
    expect(builtIn.map((p) => p.order)).toEqual(builtIn.map((_, i) => i + 1));
    for (const p of builtIn) expect(Object.keys(p.exams).sort()).toEqual(['mla-c01', 'mla-c02']);
  });
});
