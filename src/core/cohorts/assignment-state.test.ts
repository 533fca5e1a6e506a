import { describe, expect, it } from 'vitest';
import { assignmentState, type MemberWork } from './assignment-state.ts';

const SET = Date.parse('2026-12-03T09:00:00Z');
const work = (attempts: MemberWork['attempts'], passed: [number, number][] = [], met: [string, number][] = []): MemberWork => ({ attempts, passedModules: new Map(passed), metProjects: new Map(met) });
const practice = (scope: object, target: number, startedMs = SET + 1000) => ({ kind: 'practice', profile: null, scope, target, startedMs, submittedMs: startedMs + 60_000 });

describe('assignmentState', () => {
  it('counts a project done from when a submission that met the standard was sent, so a late grade does not make it late', () => {
    const spec = { kind: 'project', project: 'feature-pipeline' } as const;
    expect(assignmentState(spec, SET, '2026-12-05', '2026-12-09', work([], [], [['feature-pipeline', SET + 3_600_000]]))).toEqual({ state: 'done', doneMs: SET + 3_600_000 });
    expect(assignmentState(spec, SET, '2026-12-05', '2026-12-09', work([], [], [['rag-app', SET]]))).toEqual({ state: 'late' });
  });

  it('counts a module done once its quiz is passed, even before the assignment was set', () => {
    expect(assignmentState({ kind: 'module', module: 3 }, SET, null, '2026-12-04', work([], [[3, SET - 86_400_000]]))).toEqual({ state: 'done', doneMs: SET - 86_400_000 });
    expect(assignmentState({ kind: 'module', module: 3 }, SET, null, '2026-12-04', work([], [[2, SET]]))).toEqual({ state: 'todo' });
  });

  it('counts a practice set done by a practice on the same scope, as long, started after it was set', () => {
    const spec = { kind: 'practice' as const, domains: ['2'], tasks: ['2.1', '2.2'], count: 20 };
    expect(assignmentState(spec, SET, null, '2026-12-04', work([practice({ domains: ['2'], tasks: ['2.2', '2.1'] }, 20)]))).toMatchObject({ state: 'done' });
    // Too short, another scope, a module quiz, or started before the assignment: not done.
    expect(assignmentState(spec, SET, null, '2026-12-04', work([practice({ domains: ['2'], tasks: ['2.1', '2.2'] }, 10)])).state).toBe('todo');
    expect(assignmentState(spec, SET, null, '2026-12-04', work([practice({ domains: ['2'], tasks: ['2.1'] }, 20)])).state).toBe('todo');
    expect(assignmentState(spec, SET, null, '2026-12-04', work([practice({ domains: ['2'], tasks: ['2.1', '2.2'], quiz: true, modules: [7] }, 20)])).state).toBe('todo');
    expect(assignmentState(spec, SET, null, '2026-12-04', work([practice({ domains: ['2'], tasks: ['2.1', '2.2'] }, 20, SET - 1)])).state).toBe('todo');
  });

  it('counts a mock done by a submitted mock of that profile; late only after the due day', () => {
    const mock = { kind: 'mock', profile: 'standard', scope: null, target: null, startedMs: SET + 5, submittedMs: SET + 9 };
    expect(assignmentState({ kind: 'mock', profile: 'standard' }, SET, '2026-12-10', '2026-12-11', work([mock]))).toEqual({ state: 'done', doneMs: SET + 9 });
    expect(assignmentState({ kind: 'mock', profile: 'beta' }, SET, '2026-12-10', '2026-12-10', work([mock]))).toEqual({ state: 'todo' });
    expect(assignmentState({ kind: 'mock', profile: 'beta' }, SET, '2026-12-10', '2026-12-11', work([mock]))).toEqual({ state: 'late' });
  });
});
