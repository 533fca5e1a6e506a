import { useState, type FormEvent } from 'react';
import { api, ApiRequestError } from '../api/api-client.ts';
import { useExams } from '../exam-version/exams-context.tsx';
import { FormMessage } from '../form-message.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { navigate } from '../routing/use-hash-route.ts';
import { useDocumentTitle } from '../use-document-title.ts';
import { ExamRadios } from './exam-radios.tsx';

/** An instructor's first launch from a course: the exam version its cohort prepares for (MLA-C02 unless chosen otherwise). */
export function LtiCourseExamPage({ id, defaultExam }: { id: string; defaultExam: string }) {
  const { t } = useI18n();
  const exams = useExams();
  const [exam, setExam] = useState(defaultExam);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useDocumentTitle(t('ltiCourseTitle'));
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api.ltiCourseExam(id, exam);
      navigate({ page: 'cohort', id });
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiRequestError ? err.message : String(err) });
    }
  };
  return (
    <section className="panel" aria-labelledby="course-exam-title">
      <h1 id="course-exam-title">{t('ltiCourseTitle')}</h1>
      <p>{t('ltiCourseIntro')}</p>
      <form onSubmit={save} className="stack-form">
        <fieldset>
          <legend className="visually-hidden">{t('ltiCourseTitle')}</legend>
          <ExamRadios exams={exams} value={exam} onChange={setExam} />
        </fieldset>
        <button type="submit">{t('ltiCourseSave')}</button>
      </form>
      <FormMessage message={message} />
    </section>
  );
}
