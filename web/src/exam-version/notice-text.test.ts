import { describe, expect, it } from 'vitest';
import type { ExamSummary } from '../../../src/core/api/contracts.ts';
import { dictionaries, format, type MessageKey } from '../i18n/messages.ts';
import { countdownText } from './countdown-text.ts';
import { notOnExamNote } from './not-on-exam.ts';
import { noticeText, statusBadge } from './notice-text.ts';

const tr = (locale: 'en' | 'fr') => (key: MessageKey, vars?: Record<string, string | number>) => format(dictionaries[locale][key], vars);
type Status = ExamSummary['status'];

const c01Now: Status = {
  phase: 'retiring',
  successor: 'MLA-C02',
  ended: [{ languages: ['English'], date: '2026-09-28' }],
  continuing: [{ languages: ['Japanese', 'Korean', 'Simplified Chinese'], until: { date: '2027-01-14', confirmed: false }, untilSuccessorGeneralAvailability: true }],
};
const c02Now: Status = { phase: 'beta', since: '2026-09-29', languages: ['English'], generalAvailability: { date: '2027-01-14', confirmed: false } };

describe('exam notices', () => {
  it('say in English that MLA-C01 was retired in English and runs in three languages until MLA-C02 general availability, reported', () => {
    expect(noticeText(c01Now, 'MLA-C01', tr('en'), 'en')).toBe(
      'MLA-C01 was retired in English on 28 September 2026. It is still offered in Japanese, Korean, and Simplified Chinese until MLA-C02 becomes generally available, reported for 14 January 2027 (not yet confirmed by AWS). Most candidates now sit MLA-C02.',
    );
  });

  it('say the same in French, with French language names and dates', () => {
    expect(noticeText(c01Now, 'MLA-C01', tr('fr'), 'fr')).toBe(
      "L'examen MLA-C01 a été retiré en anglais le 28 septembre 2026. Il reste proposé en japonais, coréen et chinois simplifié jusqu'à la disponibilité générale de MLA-C02, annoncée pour le 14 janvier 2027 (date pas encore confirmée par AWS). La plupart des candidats passent désormais MLA-C02.",
    );
  });

  it('say that MLA-C02 is in beta until its reported general availability, and stop once it is confirmed and reached', () => {
    expect(noticeText(c02Now, 'MLA-C02', tr('en'), 'en')).toBe(
      'MLA-C02 has been in beta since 29 September 2026, in English, until its general availability, reported for 14 January 2027 (not yet confirmed by AWS).',
    );
    expect(noticeText({ ...c02Now, generalAvailability: { date: '2027-01-14', confirmed: true } }, 'MLA-C02', tr('fr'), 'fr')).toBe(
      "L'examen MLA-C02 est en bêta depuis le 29 septembre 2026, en anglais, jusqu'à sa disponibilité générale le 14 janvier 2027.",
    );
    expect(noticeText({ phase: 'available', since: { date: '2027-01-14', confirmed: true } }, 'MLA-C02', tr('en'), 'en')).toBeNull();
    expect(noticeText({ phase: 'current' }, 'MLA-C02', tr('en'), 'en')).toBeNull();
  });

  it('say when a version has been retired everywhere, and badge each phase', () => {
    expect(noticeText({ phase: 'retired', successor: 'MLA-C02', lastSitting: { date: '2027-01-14', confirmed: false } }, 'MLA-C01', tr('en'), 'en')).toBe(
      'MLA-C01 has been retired: its last sitting was on 14 January 2027. Most candidates now sit MLA-C02.',
    );
    expect([c01Now, c02Now].map((s) => statusBadge(s, tr('fr')))).toEqual(['retiré en anglais', 'bêta']);
    expect(statusBadge({ phase: 'current' }, tr('en'))).toBeNull();
  });
});

describe('exam date countdown', () => {
  it('counts calendar days on the server day, in both languages', () => {
    expect(countdownText('2027-02-15', '2026-12-02', tr('en'), 'en')).toBe('Your exam is on 15 February 2027: 75 days to go.');
    expect(countdownText('2027-02-15', '2026-12-02', tr('fr'), 'fr')).toBe('Votre examen a lieu le 15 février 2027 : encore 75 jours.');
    expect(countdownText('2026-12-03', '2026-12-02', tr('en'), 'en')).toBe('Your exam is tomorrow, 3 December 2026.');
    expect(countdownText('2026-12-02', '2026-12-02', tr('en'), 'en')).toBe('Your exam is today. Good luck!');
    expect(countdownText('2026-11-30', '2026-12-02', tr('en'), 'en')).toBe('Your exam date, 30 November 2026, has passed: update it in the settings if you plan another sitting.');
  });
});

describe('practice notes on question kinds an exam version does not use', () => {
  const c02 = { code: 'MLA-C02', mockTypes: ['single', 'multiple'] };
  const c01 = { code: 'MLA-C01', mockTypes: ['single', 'multiple', 'ordering', 'matching', 'case'] };
  const caseStudy = { id: 'c', title: 'C', scenario: 'S', index: 1, count: 2 };
  it('say that ordering, matching and case studies are not on MLA-C02, and nothing on MLA-C01', () => {
    expect(notOnExamNote({ type: 'ordering' }, c02, tr('en'))).toBe('Ordering questions are not on the MLA-C02 exam: this one is for practice only.');
    expect(notOnExamNote({ type: 'matching' }, c02, tr('fr'))).toBe("Les questions d'appariement ne figurent pas à l'examen MLA-C02 : celle-ci sert seulement à s'entraîner.");
    expect(notOnExamNote({ type: 'single', caseStudy }, c02, tr('en'))).toBe('Case studies are not on the MLA-C02 exam: this question is for practice only.');
    expect(notOnExamNote({ type: 'multiple' }, c02, tr('en'))).toBeNull();
    expect([notOnExamNote({ type: 'ordering' }, c01, tr('en')), notOnExamNote({ type: 'single', caseStudy }, c01, tr('en'))]).toEqual([null, null]);
  });
});
