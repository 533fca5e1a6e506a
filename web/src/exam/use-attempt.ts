import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttemptView, ItemReview } from '../../../src/core/api/contracts.ts';
import { api, ApiRequestError } from '../api/api-client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { navigate } from '../routing/use-hash-route.ts';
import { clockOffset } from './countdown.ts';
import { SaveQueue, type ItemState, type OutboxEntry, type SaveStatus } from './save-queue.ts';
import { useQuestionTime } from './use-question-time.ts';

/** A random id for this page load of this tab: with `seq`, the idempotency key of every save. */
const TAB_ID = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `tab-${Math.random().toString(36).slice(2)}-${Date.now()}`;
let seq = 0;

const EMPTY: ItemState = { answer: null, flagged: false, struck: [] };
const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const outboxKey = (attemptId: string) => `certprep.outbox.${attemptId}`;

function readOutbox(attemptId: string): OutboxEntry[] {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(outboxKey(attemptId)) ?? '[]');
    return Array.isArray(parsed) ? (parsed as OutboxEntry[]).filter((e) => typeof e?.position === 'number') : [];
  } catch {
    return [];
  }
}

function writeOutbox(attemptId: string, entries: OutboxEntry[]): void {
  try {
    if (entries.length) sessionStorage.setItem(outboxKey(attemptId), JSON.stringify(entries));
    else sessionStorage.removeItem(outboxKey(attemptId));
  } catch {
    // Storage full or blocked: the beforeunload warning still protects unsaved answers.
  }
}

/**
 * An open attempt as the exam screen needs it: the server's view, the candidate's answers kept
 * locally and autosaved through a SaveQueue, practice checks, submission and the deadline.
 */
export function useAttempt(attemptId: string) {
  const { t } = useI18n();
  const [view, setView] = useState<AttemptView | null>(null);
  const [offset, setOffset] = useState(0);
  const [states, setStates] = useState<Record<number, ItemState>>({});
  const [checked, setChecked] = useState<Record<number, boolean>>({});
  const [reviews, setReviews] = useState<Record<number, ItemReview>>({});
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiRequestError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  /** Quick check: waiting for the answer's save and the next item. */
  const [advancing, setAdvancing] = useState(false);
  /** Quick check: the server has no further item (409 quick-complete). */
  const [complete, setComplete] = useState(false);
  const finishing = useRef(false);
  /** Practice: answers marked "I was unsure", and the last such mark still on its way to the server. */
  const [unsure, setUnsureState] = useState<Set<number>>(new Set());
  const unsureSaving = useRef<Promise<unknown>>(Promise.resolve());
  /** The time each question had when the page loaded: the question clock carries on from it. */
  const [loadedTimes, setLoadedTimes] = useState<Record<string, number> | undefined>(undefined);
  const time = useQuestionTime(attemptId, loadedTimes);

  /** After the deadline the server submits on its own: fetch until it has, then show the report. */
  const finish = useCallback(async () => {
    if (finishing.current) return;
    finishing.current = true;
    setNotice(t('timeUp'));
    for (let tries = 0; tries < 30; tries++) {
      try {
        const v = await api.attempt(attemptId);
        if (v.status === 'submitted') break;
      } catch {
        // Keep trying: the report is what the candidate is waiting for.
      }
      await wait(Math.min(1000 * (tries + 1), 5000));
    }
    navigate({ page: 'report', id: attemptId });
  }, [attemptId, t]);

  // The queue lives as long as the page; its callbacks read the current language and finish().
  const latest = useRef({ t, finish });
  latest.current = { t, finish };
  const queue = useRef<SaveQueue | null>(null);
  if (!queue.current) {
    queue.current = new SaveQueue({
      tab: TAB_ID,
      nextSeq: () => ++seq,
      send: (position, body) => api.saveAnswer(attemptId, position, body),
      wait,
      onStatus: setStatus,
      onOutbox: (entries) => writeOutbox(attemptId, entries),
      onStale: (position, current, message) => {
        setNotice(`${latest.current.t('staleAnswer')} (${message})`);
        if (current) {
          setStates((s) => ({ ...s, [position]: { answer: current.answer, flagged: current.flagged, struck: current.struck } }));
          if (current.checked) setChecked((c) => ({ ...c, [position]: true }));
        }
      },
      onFatal: (_position, err) => {
        if (err.code === 'deadline-passed' || err.code === 'attempt-submitted') void latest.current.finish();
        else setNotice(latest.current.t('saveFailed', { message: err.message }));
      },
    });
  }

  useEffect(() => {
    let live = true;
    api.attempt(attemptId).then(
      (v) => {
        if (!live) return;
        if (v.status === 'submitted') {
          writeOutbox(attemptId, []);
          return navigate({ page: 'report', id: attemptId });
        }
        setOffset(clockOffset(v.serverNow, Date.now()));
        const initial: Record<number, ItemState> = {};
        const locked: Record<number, boolean> = {};
        for (const item of v.items) {
          const saved = v.answers[String(item.position)];
          initial[item.position] = saved ? { answer: saved.answer, flagged: saved.flagged, struck: saved.struck } : EMPTY;
          if (saved) queue.current?.setRevision(item.position, saved.revision);
          if (saved?.checked) locked[item.position] = true;
        }
        // Changes a previous page load had not seen acknowledged: show them and send them again.
        const outbox = readOutbox(attemptId);
        for (const e of outbox) {
          const latest = e.next ?? e.sending;
          if (latest && initial[e.position]) initial[e.position] = { answer: latest.answer, flagged: latest.flagged, struck: latest.struck };
        }
        setStates(initial);
        setChecked(locked);
        setLoadedTimes(v.times ?? {});
        setUnsureState(new Set(v.unsure ?? []));
        setView(v);
        if (outbox.length) queue.current?.restore(outbox);
      },
      (e: unknown) => live && setError(e instanceof ApiRequestError ? e : new ApiRequestError(0, 'network', String(e))),
    );
    return () => {
      live = false;
    };
  }, [attemptId]);

  // Leaving with unacknowledged answers: ask the browser to warn.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (queue.current?.busy) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  const update = useCallback((position: number, next: ItemState) => {
    setNotice(null);
    setStates((s) => ({ ...s, [position]: next }));
    queue.current?.enqueue(position, next);
  }, []);

  /** Marks a practice answer unsure (or not); Check and Finish wait for the mark to be stored. */
  const setUnsure = useCallback(
    (position: number, value: boolean) => {
      setUnsureState((s) => {
        const next = new Set(s);
        if (value) next.add(position);
        else next.delete(position);
        return next;
      });
      unsureSaving.current = api.markUnsure(attemptId, position, value).catch((e: unknown) => setNotice(e instanceof Error ? e.message : String(e)));
    },
    [attemptId],
  );

  /** Practice with immediate feedback: save, then reveal the key; the item is then locked. */
  const check = useCallback(
    async (position: number) => {
      await Promise.all([queue.current?.flush(), unsureSaving.current]);
      try {
        const review = await api.check(attemptId, position);
        setReviews((r) => ({ ...r, [position]: review }));
        setChecked((c) => ({ ...c, [position]: true }));
      } catch (e) {
        setNotice(e instanceof Error ? e.message : String(e));
      }
    },
    [attemptId],
  );

  /**
   * Quick check: waits until every answer is acknowledged, since the server chooses the next item
   * from the answers it holds, then asks for that item. Returns true when an item was added.
   */
  const advance = useCallback(async (): Promise<boolean> => {
    setAdvancing(true);
    setNotice(null);
    try {
      await queue.current?.flush();
      if (queue.current?.status === 'failed') return false;
      const v = await api.next(attemptId);
      setStates((s) => {
        const next = { ...s };
        for (const item of v.items) if (!next[item.position]) next[item.position] = EMPTY;
        return next;
      });
      setView(v);
      return true;
    } catch (e) {
      if (e instanceof ApiRequestError && e.code === 'quick-complete') setComplete(true);
      else if (e instanceof ApiRequestError && e.code === 'attempt-submitted') navigate({ page: 'report', id: attemptId });
      else setNotice(e instanceof ApiRequestError && e.status === 0 ? latest.current.t('networkError') : e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      setAdvancing(false);
    }
  }, [attemptId]);

  /** Pauses or resumes a timed practice (saves are sent first); the view then carries the new clock. */
  const setPaused = useCallback(
    async (paused: boolean) => {
      await queue.current?.flush();
      try {
        setView(await (paused ? api.pause(attemptId) : api.resume(attemptId)));
      } catch (e) {
        setNotice(e instanceof Error ? e.message : String(e));
      }
    },
    [attemptId],
  );

  const submit = useCallback(async () => {
    setSubmitting(true);
    await Promise.all([queue.current?.flush(), time.flush(), unsureSaving.current]);
    try {
      await api.submit(attemptId);
    } catch (e) {
      // Already submitted (the deadline, or another tab): the report exists all the same.
      if (!(e instanceof ApiRequestError && e.status === 409)) {
        setSubmitting(false);
        setNotice(e instanceof Error ? e.message : String(e));
        return;
      }
    }
    navigate({ page: 'report', id: attemptId });
  }, [attemptId, time.flush]);

  return { showQuestion: time.show, unsure, setUnsure, view, offset, states, checked, reviews, status, notice, error, submitting, advancing, complete, update, check, advance, submit, finish, setNotice, setPaused };
}

export type AttemptState = ReturnType<typeof useAttempt>;
