import { describe, expect, it } from 'vitest';
import { planToIcs } from './plan-ics.ts';
import { buildPlan } from './study-plan.ts';

const words = { module: (id: number, title: string) => `Module ${id}: ${title}`, review: 'certprep: daily review', quickCheck: 'certprep: quick check', mock: 'certprep: mock exam', exam: 'MLA-C02 exam' };

describe('the plan as a calendar', () => {
  it('writes one event per session, the daily review repeated to the exam, and the exam all day, in RFC 5545 form', () => {
    const plan = buildPlan({ today: '2026-12-07', examDate: '2026-12-28', hoursPerWeek: 6, mockMinutes: 130, modules: [{ id: 1, title: 'Data ingestion, streams; formats', weight: 0.3, mastery: 0.4, passed: false }, { id: 2, title: 'Training', weight: 0.3, mastery: 0.5, passed: false }] });
    const ics = planToIcs(plan, words, new Map([[1, 'Data ingestion, streams; formats'], [2, 'Training']]), { uid: 'u1', now: new Date('2026-12-07T10:00:00Z') });
    const lines = ics.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-2)).toBe('END:VCALENDAR');
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(lines.every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
    const sessions = plan.weeks.flatMap((w) => w.sessions).filter((s) => s.kind === 'module' || s.kind === 'mock' || s.kind === 'quick-check');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(sessions.length + 2);
    expect(ics).toContain('RRULE:FREQ=DAILY;UNTIL=20261228');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261228\r\nSUMMARY:MLA-C02 exam');
    expect(ics).toContain('SUMMARY:Module 1: Data ingestion\\, streams\\; formats');
    expect(ics).toContain('DTSTART:20261207T183000\r\nDURATION:PT20M\r\nSUMMARY:certprep: quick check');
    expect(ics).toContain('DTSTAMP:20261207T100000Z');
  });
});
