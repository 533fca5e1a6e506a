/** Real exam results, retakes and certification. */
export const enResults = {
  resultsTitle: 'After the real exam',
  resultPassed: 'Passed on {date} with {score}.',
  resultFailed: 'Not passed on {date} ({score}).',
  retakeWait: 'You can sit again from {date} (AWS asks for 14 days between attempts).',
  retakeAfterBeta: 'A beta can be taken only once: your retake is the standard exam, available from {date}.',
  retakeFocus: 'Work first on what the score report marked Needs improvement: {list}. Your plan gives them more time.',
  retakePlan: 'Plan my retake for {date}',
  certifiedUntil: 'Certified until {until} (three years). To stay certified, pass the version of the exam then current before that date; we suggest starting to prepare by {from}.',
  resultRecord: 'Record a result from your AWS score report',
  resultDate: 'Date of the exam',
  resultScore: 'Scaled score (100–1000)',
  resultVerdict: 'Result',
  resultDomains: 'Each domain, as the score report classifies it',
  resultSave: 'Save the result',
};
