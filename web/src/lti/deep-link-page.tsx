import { useState, type FormEvent } from 'react';
import type { DeepLinkOption } from '../../../src/core/api/contracts.ts';
import { api, ApiRequestError } from '../api/api-client.ts';
import { useApiLoad } from '../api/use-api-load.ts';
import { ErrorPanel } from '../error-panel.tsx';
import { FormMessage } from '../form-message.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useDocumentTitle } from '../use-document-title.ts';
import { ExamRadios } from './exam-radios.tsx';

const KINDS = ['path', 'mock', 'module', 'practice', 'project'] as const;

/**
 * Deep linking: the instructor picks what to place in the course; the signed answer is posted back to the
 * platform by a form (the platform then shows its own page in this frame or window).
 */
export function DeepLinkPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const { data, error, reload } = useApiLoad(() => api.ltiDeepLinkOptions(id), id);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [picked, setPicked] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useDocumentTitle(t('ltiDeepLinkTitle'));
  if (error) return <ErrorPanel error={error} onRetry={reload} />;
  if (!data) return <p role="status">{t('loading')}</p>;
  const exam = picked ?? data.exam;
  const examCode = data.exams.find((x) => x.id === exam)?.code ?? exam;
  const toggle = (target: string) => {
    const next = new Set(chosen);
    if (!next.delete(target)) next.add(target);
    setChosen(next);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen.size) return setMessage({ ok: false, text: t('ltiDeepLinkNone') });
    try {
      const res = await api.ltiDeepLinkRespond(id, [...chosen], data.chooseExam ? exam : undefined);
      setMessage({ ok: true, text: t('ltiDeepLinkSending') });
      const form = document.createElement('form');
      form.method = 'POST';
      form.action = res.returnUrl;
      const field = document.createElement('input');
      field.type = 'hidden';
      field.name = 'JWT';
      field.value = res.jwt;
      form.append(field);
      document.body.append(form);
      form.submit();
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiRequestError ? err.message : String(err) });
    }
  };
  const title = (o: DeepLinkOption) => (locale === 'fr' ? o.titleFr : o.title);
  return (
    <section className="panel" aria-labelledby="deep-link-title">
      <h1 id="deep-link-title">{t('ltiDeepLinkTitle')}</h1>
      <p>{t('ltiDeepLinkIntro', { exam: examCode })}</p>
      <form onSubmit={submit} className="stack-form deep-link-form">
        {data.chooseExam && (
          <fieldset>
            <legend>{t('ltiDeepLinkExam')}</legend>
            <ExamRadios
              exams={data.exams}
              value={exam}
              onChange={(id) => {
                setPicked(id);
                setChosen(new Set());
              }}
            />
          </fieldset>
        )}
        {KINDS.map((kind) => {
          const options = (data.options[exam] ?? []).filter((o) => o.kind === kind);
          if (!options.length) return null;
          return (
            <fieldset key={kind}>
              <legend>{t(`ltiDeepLinkKind_${kind}`)}</legend>
              {options.map((o) => (
                <label key={o.target} className="choice-line">
                  <input type="checkbox" checked={chosen.has(o.target)} onChange={() => toggle(o.target)} />
                  <span>
                    {title(o)}
                    {o.scoreMaximum !== null && <span className="subtle small"> · {t('ltiDeepLinkGraded', { max: o.scoreMaximum })}</span>}
                  </span>
                </label>
              ))}
            </fieldset>
          );
        })}
        <button type="submit">{t('ltiDeepLinkAdd')}</button>
      </form>
      <FormMessage message={message} />
    </section>
  );
}
