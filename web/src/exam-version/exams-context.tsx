import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { ExamSummary } from '../../../src/core/api/contracts.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { blueprintNames } from './blueprint-names.ts';

const ExamsContext = createContext<ExamSummary[]>([]);

/** The exam summaries the app loaded, for any screen that names a domain or a task statement. */
export function ExamsProvider({ exams, children }: { exams: ExamSummary[]; children: ReactNode }) {
  return <ExamsContext.Provider value={exams}>{children}</ExamsContext.Provider>;
}

/** Every exam summary the app loaded. */
export function useExams(): ExamSummary[] {
  return useContext(ExamsContext);
}

/** Domain names and task titles of one exam in the interface language (`blueprintNames`). */
export function useBlueprintNames(examId: string) {
  const exams = useContext(ExamsContext);
  const { locale } = useI18n();
  return useMemo(() => blueprintNames(exams.find((e) => e.id === examId), locale), [exams, examId, locale]);
}
