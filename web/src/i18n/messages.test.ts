import { describe, expect, it } from 'vitest';
import { en, format, fr, translate, type MessageKey } from './messages.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('gives every French message the same placeholders as the English one', () => {
    const mismatched = (Object.keys(en) as MessageKey[]).filter((k) => placeholders(en[k]).join() !== placeholders(fr[k]).join());
    expect(mismatched).toEqual([]);
  });

  it('translates every message, except words that are the same in both languages', () => {
    const same = (Object.keys(en) as MessageKey[]).filter((k) => en[k] === fr[k]);
    // Each of these is checked French: "Score", "Action", "Minutes", "Questions", "{n} questions", "{n} question", "Question {i}", "{n} points", "{n} point", "Date", "Discussion".
    expect(same.sort()).toEqual(['adminTitle', 'appName', 'assignmentCount', 'assignmentModule', 'availableItems', 'availableItemsOne', 'changelogDate', 'changelogItem', 'cohortActions', 'colAction', 'colScore', 'discussionCount', 'discussionOpen', 'goToQuestion', 'minutes', 'moduleN', 'modulesTitle', 'navigator', 'pause', 'planModules', 'rubricPoints', 'rubricPointsOne', 'scopeModules', 'taskLabel']);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format(en.questionOf, { i: 3, n: 65 })).toBe('Question 3 of 65');
    expect(format(fr.questionOf, { i: 3, n: 65 })).toBe('Question 3 sur 65');
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    // Numbers the language's way: a decimal comma in French, no thousands separator for scores and years.
    const fr_ = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2, useGrouping: false });
    const en_ = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2, useGrouping: false });
    expect(format(fr.rawScore, { raw: 3, n: 8, cut: 4.9 }, fr_)).toBe('Questions notées justes : 3 sur 8 ; il en fallait environ 4,9 pour réussir cette série');
    expect(format(en.rawScore, { raw: 3, n: 8, cut: 4.9 }, en_)).toBe('3 of 8 scored questions right; about 4.9 right were needed to pass this set');
    expect(format('{s}', { s: 1000 }, fr_)).toBe('1000');
  });

  it('says "1 question", never "1 questions": the singular form is chosen by the count {n}, by each language\'s rule', () => {
    expect(translate('en', 'redoWrong', { n: 1 })).toBe('Redo the 1 question I got wrong');
    expect(translate('en', 'redoWrong', { n: 3 })).toBe('Redo the 3 questions I got wrong');
    expect(translate('en', 'cohortMembers', { n: 0 })).toBe('0 members');
    // French counts 0 as singular: "0 membre".
    expect(translate('fr', 'cohortMembers', { n: 0 })).toBe('0 membre');
    expect(translate('fr', 'cohortMembers', { n: 2 })).toBe('2 membres');
    // A message of several counts is filled with counted nouns.
    const cards = translate('en', 'countFlashCards', { n: 1 });
    const questions = translate('en', 'countMissedQuestions', { n: 0 });
    expect(translate('en', 'todayReviewsText', { cards, questions, done: 1, limit: 50 })).toBe('1 flash card and 0 missed questions due today (1 of 50 reviews done today).');
    // A message without a singular form is as written, whatever the count.
    expect(translate('en', 'questionOf', { i: 1, n: 1 })).toBe('Question 1 of 1');
    expect(translate('fr', 'ltiGradeStatus_failed', { n: 1, error: 'HTTP 500' })).toBe('refusée après 1 essai, renvoyée automatiquement : HTTP 500');
  });

  it('gives every singular form the placeholders of its plural form, so either can be chosen for any count', () => {
    for (const dict of [en, fr]) {
      const keys = (Object.keys(dict) as MessageKey[]).filter((k) => k.endsWith('One') && k.slice(0, -3) in dict);
      expect(keys.length).toBeGreaterThan(30);
      const mismatched = keys.filter((k) => placeholders(dict[k]).join() !== placeholders(dict[k.slice(0, -3) as MessageKey]).join());
      expect(mismatched).toEqual([]);
    }
  });

  it('has a singular form for every message that counts {n} of something, unless {n} is never 1 there', () => {
    // These count what is never one: an exam's questions, the weeks of a chart, a project's skills and files,
    // the options of a "select N" question, the modules of the programme; "tomorrow" has its own message.
    const neverOne = ['cardModulesPassed', 'daysToExam', 'disputeWhichN', 'headlineBasis', 'headlineNone', 'inDays', 'paceSlowerProjected', 'projectFilesHint', 'projectSkills', 'rawScore', 'studyPathIntro', 'studyTimeCaption', 'studyTimeNone'];
    const missing = (Object.keys(en) as MessageKey[]).filter((k) => !k.endsWith('One') && /\{n\} (?:[a-z-]+ ){0,2}?[a-z-]+s\b/.test(en[k]) && !(`${k}One` in en));
    expect(missing.sort()).toEqual(neverOne);
  });

  it('counts under any other name only what is never 1, or through counted nouns', () => {
    // A count under another name cannot take a singular form: it must be fixed by the exam or the content
    // (an exam's questions and minutes, a lesson's flash cards, a project's hours and points), or be filled
    // with a counted noun such as countFlashCards.
    const nouns = 'questions|minutes|seconds|hours|days|weeks|months|cards|answers|modules|members|learners|tutors|tries|errors|warnings|points|skills|files|reviews|accounts|options';
    const counted = new RegExp(`\\{(?!n\\}|exam\\}|email\\})\\w+\\} (?:[a-z-]+ ){0,2}?(?:${nouns})\\b`);
    const fixed = ['eslAccommodation', 'introFormat', 'introTime', 'lessonLength', 'lessonMeta', 'practiceShortfall', 'profileOption', 'projectEffort', 'projectResultBelow', 'projectResultMeets', 'timingMinutes', 'timingWithAccommodation', 'todayReviewsText', 'unscoredNote'];
    const found = (Object.keys(en) as MessageKey[]).filter((k) => !k.endsWith('One') && counted.test(en[k]));
    expect(found.sort()).toEqual(fixed);
  });

  it('in French, agrees no participle with a count that may be 0 or 1 ("0 justes sur 1")', () => {
    // "{a} sur {b} répondues", "{n} faits": French takes the singular for 0 and 1, so such a word needs a singular
    // form. Left: the counts of an exam's questions (65, 50 scored, 15 not), and durations ("130 min accordées").
    const agreeing = /\{(?!email\})(\w+)\}(?: sur \{\w+\})? (?:[a-zà-ÿ]+ )?[a-zà-ÿ]*(?:és|ées|ies|ues|is|us|ites|its|justes)\b/;
    const found = (Object.keys(fr) as MessageKey[]).filter((k) => !k.endsWith('One') && agreeing.test(fr[k]) && !(`${k}One` in fr));
    expect(found.sort()).toEqual(['introFormat', 'paceSlowerProjected', 'timeElapsedOf', 'unscoredNote']);
  });
});
