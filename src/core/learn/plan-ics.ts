import type { StudyPlan } from './study-plan.ts';

/** What the calendar calls each kind of session. */
export interface IcsWords {
  module: (id: number, title: string) => string;
  review: string;
  quickCheck: string;
  mock: string;
  exam: string;
}

const octets = (s: string) => new TextEncoder().encode(s).length;
const escape = (s: string) => s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/([,;])/g, '\\$1');
/** Lines of at most 75 octets, continued with a space (RFC 5545 §3.1). */
function fold(line: string): string {
  const out: string[] = [];
  let rest = line;
  while (octets(rest) > 75) {
    let cut = 75;
    while (octets(rest.slice(0, cut)) > 75) cut -= 1;
    out.push(rest.slice(0, cut));
    rest = ` ${rest.slice(cut)}`;
  }
  out.push(rest);
  return out.join('\r\n');
}
const compact = (day: string) => day.replace(/-/g, '');
const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}00`;

/**
 * The plan as an iCalendar file: one event per study session (in the evening from 18:30, local time
 * wherever the calendar is), the daily review as one event repeated every day to the exam, and the
 * exam as an all-day event.
 */
export function planToIcs(plan: StudyPlan, words: IcsWords, titles: ReadonlyMap<number, string>, opts: { uid: string; now: Date }): string {
  const stamp = opts.now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//certprep//study plan//EN', 'CALSCALE:GREGORIAN'];
  const event = (n: string, fields: string[]) => lines.push('BEGIN:VEVENT', `UID:${opts.uid}-${n}@certprep`, `DTSTAMP:${stamp}`, ...fields, 'END:VEVENT');
  const sessions = plan.weeks.flatMap((w) => w.sessions);
  const firstDay = sessions[0]?.day;
  if (firstDay) event('review', [`DTSTART:${compact(firstDay)}T${clock(18 * 60)}`, 'DURATION:PT15M', `RRULE:FREQ=DAILY;UNTIL=${compact(plan.examDate)}`, `SUMMARY:${escape(words.review)}`]);
  const startOfDay = new Map<string, number>();
  sessions.forEach((s, i) => {
    if (s.kind === 'review') return;
    if (s.kind === 'exam') {
      event('exam', [`DTSTART;VALUE=DATE:${compact(s.day)}`, `SUMMARY:${escape(words.exam)}`]);
      return;
    }
    const at = startOfDay.get(s.day) ?? 18 * 60 + 30;
    startOfDay.set(s.day, at + s.minutes + 15);
    const summary = s.kind === 'module' ? words.module(s.module!, titles.get(s.module!) ?? '') : s.kind === 'mock' ? words.mock : words.quickCheck;
    event(String(i), [`DTSTART:${compact(s.day)}T${clock(Math.min(at, 23 * 60))}`, `DURATION:PT${s.minutes}M`, `SUMMARY:${escape(summary)}`]);
  });
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
