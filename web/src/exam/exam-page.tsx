import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ExamSummary, ItemNote } from '../../../src/core/api/contracts.ts';
import { notOnExamNote } from '../exam-version/not-on-exam.ts';
import { ErrorPanel } from '../error-panel.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { answerStatus, isAnswered } from './answer-state.ts';
import { ExamNavigator, type NavEntry } from './exam-navigator.tsx';
import { ExamTimer } from './exam-timer.tsx';
import { ItemView } from './item-view.tsx';
import { ReviewActions } from '../report/review-actions.tsx';
import { ItemNoteEditor } from './item-note.tsx';
import { ReviewScreen, type WalkKind } from './review-screen.tsx';
import { SubmitDialog } from './submit-dialog.tsx';
import { SaveAnnouncer } from './save-announcer.tsx';
import { useDocumentTitle } from '../use-document-title.ts';
import { QuickCheckScreen } from './quick-check-screen.tsx';
import { useAttempt, type AttemptState } from './use-attempt.ts';
import { formatRemaining } from './countdown.ts';
import { useMediaQuery } from '../use-media-query.ts';

const positionKey = (id: string) => `certprep.position.${id}`;

function storedIndex(id: string): number {
  try {
    return Number.parseInt(sessionStorage.getItem(positionKey(id)) ?? '0', 10) || 0;
  } catch {
    return 0;
  }
}

/**
 * An open attempt: the adaptive quick check has its own screen (one item after another, no going
 * back); mock exams and practice share the exam screen. Both autosave through the same hook.
 */
export function ExamPage({ attemptId, exams }: { attemptId: string; exams: ExamSummary[] }) {
  const { t } = useI18n();
  const a = useAttempt(attemptId);
  if (a.error) return <ErrorPanel error={a.error} />;
  if (!a.view) return <p role="status">{t('loading')}</p>;
  const exam = exams.find((e) => e.id === a.view!.exam);
  return a.view.kind === 'quick' ? <QuickCheckScreen a={a} /> : <ExamScreen attemptId={attemptId} a={a} exam={exam} />;
}

/**
 * The exam screen (mock exams and practice): one item at a time, the question grid, flag,
 * Previous / Next, the review screen and the confirmation before submitting. The current item is
 * kept in sessionStorage so a reload comes back to it.
 */
function ExamScreen({ attemptId, a, exam }: { attemptId: string; a: AttemptState; exam: ExamSummary | undefined }) {
  const { t } = useI18n();
  const [index, setIndex] = useState(() => storedIndex(attemptId));
  const [screen, setScreen] = useState<'item' | 'review'>('item');
  const narrow = useMediaQuery('(max-width: 40rem)');
  // A review walk, as on the real test driver: the questions of one list (all, incomplete, flagged),
  // taken as they stood when the walk began, one at a time with Next and Previous.
  const [walk, setWalk] = useState<{ kind: WalkKind; indices: number[] } | null>(null);
  const [confirming, setConfirming] = useState(false);
  // Practice: the candidate's bookmarks and notes by position, as saved during this visit.
  const [notes, setNotes] = useState<Record<number, ItemNote>>(() => Object.fromEntries(Object.entries(a.view?.notes ?? {}).map(([p, n]) => [Number(p), n])));
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus the first item shown too, so a candidate starts reading at the question.
  const focusNext = useRef(true);
  const triedReview = useRef(new Set<number>());

  const items = a.view?.items ?? [];
  const current = items[Math.min(index, Math.max(0, items.length - 1))];
  const entries: NavEntry[] = useMemo(
    () => items.map((item) => ({ item, status: answerStatus(item, a.states[item.position]?.answer), flagged: a.states[item.position]?.flagged ?? false })),
    [items, a.states],
  );
  const unanswered = entries.filter((e) => e.status.state === 'unanswered').length;
  const incomplete = entries.filter((e) => e.status.state === 'incomplete').length;
  const immediate = a.view?.kind === 'practice' && a.view.feedback === 'immediate';
  const kindTitle = a.view?.kind === 'practice' ? t('examTitlePractice') : t('examTitleMock');
  useDocumentTitle(screen === 'review' ? `${t('reviewScreen')} — ${kindTitle}` : items.length ? `${t('questionOf', { i: index + 1, n: items.length })} — ${kindTitle}` : kindTitle);

  const go = useCallback(
    (next: number) => {
      setIndex(next);
      setScreen('item');
      focusNext.current = true;
      try {
        sessionStorage.setItem(positionKey(attemptId), String(next));
      } catch {
        // Without storage a reload starts at the first item; answers are still on the server.
      }
    },
    [attemptId],
  );

  // Moving to another item puts focus on its heading, so screen readers start reading there.
  useEffect(() => {
    if (focusNext.current && screen === 'item' && heading.current) {
      focusNext.current = false;
      heading.current.focus();
    }
  }, [index, screen, a.view]);

  // A checked practice item after a reload: fetch its review again (the item stays locked).
  useEffect(() => {
    if (!current || !a.checked[current.position] || a.reviews[current.position] || triedReview.current.has(current.position)) return;
    triedReview.current.add(current.position);
    void a.check(current.position);
  }, [current, a.checked, a.reviews, a.check]);

  // The real test driver's shortcuts: Alt+N next, Alt+P previous, Alt+F flag, Alt+R review screen.
  // Only Alt with a letter (by key position, so any keyboard layout); Ctrl, Cmd and Shift combinations stay the browser's.
  const shortcut = useRef<(e: KeyboardEvent) => void>(() => undefined);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => shortcut.current(e);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The question clock counts the question on screen; the review screen and a pause count for none.
  const shownPosition = a.view && current && screen === 'item' && a.view.pausedRemainingMs === undefined ? current.position : null;
  const { showQuestion } = a;
  useEffect(() => showQuestion(shownPosition), [showQuestion, shownPosition]);

  if (!a.view || !current) return <p role="status">{t('loading')}</p>;

  const state = a.states[current.position] ?? { answer: null, flagged: false, struck: [] };
  const locked = Boolean(a.checked[current.position]);
  // Leaving the walk's list (through the navigator) ends the walk: Next and Previous go by number again.
  const walkPos = walk ? walk.indices.indexOf(index) : -1;
  const inWalk = walk !== null && walkPos >= 0;
  const prevIndex = inWalk ? (walkPos > 0 ? walk.indices[walkPos - 1]! : null) : index > 0 ? index - 1 : null;
  const nextIndex = inWalk ? (walkPos < walk.indices.length - 1 ? walk.indices[walkPos + 1]! : null) : index < items.length - 1 ? index + 1 : null;
  const toReview = () => {
    setWalk(null);
    setScreen('review');
  };
  shortcut.current = (e) => {
    if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || confirming || a.view?.pausedRemainingMs !== undefined) return;
    if (e.code === 'KeyN' && nextIndex !== null) go(nextIndex);
    else if (e.code === 'KeyP' && prevIndex !== null) go(prevIndex);
    else if (e.code === 'KeyF' && screen === 'item' && !locked) a.update(current.position, { ...state, flagged: !state.flagged });
    else if (e.code === 'KeyR') toReview();
    else return;
    e.preventDefault();
  };
  const statusText = a.status === 'saved' ? t('saved') : a.status === 'saving' ? t('saving') : a.status === 'retrying' ? t('notSaved') : t('notSavedShort');

  return (
    <div className="exam">
      <div className="exam-bar">
        <h1 className="exam-title">
          {a.view.kind === 'mock' ? t('examTitleMock') : t('examTitlePractice')}
          {exam && <span className="subtle"> — {exam.code}</span>}
        </h1>
        <p className="exam-progress">{screen === 'review' ? t('reviewScreen') : t('questionOf', { i: index + 1, n: items.length })}</p>
        {a.view.deadline ? (
          <ExamTimer deadline={a.view.deadline} offsetMs={a.offset} onExpire={a.finish} />
        ) : a.view.pausedRemainingMs !== undefined ? (
          <p className="timer">{t('pausedTimer', { left: formatRemaining(a.view.pausedRemainingMs) })}</p>
        ) : (
          <p className="timer">{t('untimed')}</p>
        )}
        {a.view.kind === 'practice' && a.view.deadline && (
          <button type="button" className="small-button" onClick={() => void a.setPaused(true)}>
            {t('pause')}
          </button>
        )}
        {/* Not a live region: "Saving…" / "Saved" on every click would drown a screen reader. */}
        <p className={`save-status ${a.status}`} data-testid="save-status">
          {statusText}
        </p>
        <SaveAnnouncer status={a.status} />
      </div>
      {a.notice && (
        <p className="notice" role="alert">
          {a.notice}
        </p>
      )}
      {a.view.kind === 'practice' && a.view.target !== undefined && a.view.target > items.length && (
        <p className="info" data-testid="practice-shortfall">
          {t('practiceShortfall', { asked: a.view.target, n: items.length })}
        </p>
      )}
      {a.view.pausedRemainingMs !== undefined ? (
        <section className="panel paused" aria-labelledby="paused-title" data-testid="paused">
          <h2 id="paused-title">{t('pausedTitle')}</h2>
          <p>{t('pausedText', { left: formatRemaining(a.view.pausedRemainingMs) })}</p>
          <button type="button" className="primary" autoFocus onClick={() => void a.setPaused(false)}>
            {t('resumePractice')}
          </button>
        </section>
      ) : (
      <div className="exam-body">
        <div className="exam-main">
          {screen === 'review' ? (
            <ReviewScreen
              entries={entries}
              onGo={go}
              onBack={() => go(index)}
              onSubmit={() => setConfirming(true)}
              onWalk={(kind, indices) => {
                setWalk({ kind, indices });
                go(indices[0]!);
              }}
            />
          ) : (
            <>
              {inWalk && (
                <p className="walk-bar" data-testid="review-walk">
                  <span>{t('walkProgress', { list: t(`walkList_${walk.kind}`), i: walkPos + 1, n: walk.indices.length })}</span>
                  <button type="button" className="small-button" onClick={toReview}>
                    {t('walkEnd')}
                  </button>
                </p>
              )}
              <ItemView
                ref={heading}
                item={current}
                number={index + 1}
                total={items.length}
                state={state}
                locked={locked}
                review={a.reviews[current.position]}
                note={a.view.kind === 'practice' && exam ? notOnExamNote(current, exam, t) : null}
                foldCase={narrow}
                onChange={(next) => a.update(current.position, next)}
              />
              {/* Once checked, the key may be disputed and the question discussed: beside the question, not part of its answer. */}
              {a.reviews[current.position] && <ReviewActions key={`review-${current.position}`} attemptId={attemptId} review={a.reviews[current.position]!} />}
              {a.view.kind === 'practice' && (
                <label className="choice-line unsure">
                  <input type="checkbox" checked={a.unsure.has(current.position)} disabled={locked} onChange={(e) => a.setUnsure(current.position, e.target.checked)} />
                  {t('unsureLabel')}
                </label>
              )}
              {a.view.kind === 'practice' && (
                <ItemNoteEditor key={`note-${current.position}`} attemptId={attemptId} position={current.position} initial={notes[current.position]} onSaved={(n) => setNotes((all) => ({ ...all, [current.position]: n }))} />
              )}
              <div className="item-actions">
                <button type="button" onClick={() => prevIndex !== null && go(prevIndex)} disabled={prevIndex === null}>
                  ← {t('previous')}
                </button>
                <button
                  type="button"
                  className={`flag-button${state.flagged ? ' on' : ''}`}
                  aria-pressed={state.flagged}
                  // A checked practice item is locked on the server, its flag included.
                  disabled={locked}
                  onClick={() => a.update(current.position, { ...state, flagged: !state.flagged })}
                >
                  ⚑ {t('flag')}
                </button>
                {immediate && !locked && (
                  <button type="button" className="primary" disabled={!isAnswered(current, state.answer)} onClick={() => void a.check(current.position)}>
                    {t('check')}
                  </button>
                )}
                {nextIndex !== null ? (
                  <button type="button" onClick={() => go(nextIndex)}>
                    {t('next')} →
                  </button>
                ) : (
                  <button type="button" onClick={toReview}>
                    {t('reviewScreen')} →
                  </button>
                )}
              </div>
            </>
          )}
        </div>
        <aside className="exam-side">
          {narrow ? (
            // On a phone the grid folds away under a summary line, so the question stays in view.
            <details className="nav-fold">
              <summary>{t('navFold', { answered: entries.filter((e) => e.status.state === 'answered').length, n: entries.length })}</summary>
              <ExamNavigator entries={entries} current={screen === 'item' ? index : -1} onGo={go} />
            </details>
          ) : (
            <ExamNavigator entries={entries} current={screen === 'item' ? index : -1} onGo={go} />
          )}
          <p className="side-actions">
            <button type="button" onClick={toReview}>
              {t('reviewScreen')}
            </button>
            <button type="button" className="primary" onClick={() => setConfirming(true)}>
              {immediate ? t('finishPractice') : t('submit')}
            </button>
          </p>
        </aside>
      </div>
      )}
      {confirming && <SubmitDialog incomplete={incomplete} unanswered={unanswered} flagged={entries.filter((e) => e.flagged).length} busy={a.submitting} onConfirm={() => void a.submit()} onCancel={() => setConfirming(false)} />}
    </div>
  );
}
