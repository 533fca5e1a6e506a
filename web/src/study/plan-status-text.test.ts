import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../i18n/messages.ts';
import { planStatusText } from './plan-status-text.ts';

const t = (key: MessageKey, vars?: Record<string, string | number>) => translate('en', key, vars);

describe('planStatusText', () => {
  it('names the modules behind, the panel adding that its weeks are re-planned', () => {
    const status = { state: 'behind' as const, expected: [1, 2, 3], done: [1], behind: [2, 3] };
    expect(planStatusText(status, t, 'card')).toBe('Behind your plan: modules 2, 3 were due to be passed by now.');
    expect(planStatusText(status, t, 'panel')).toBe('Behind: modules 2, 3 were planned to be passed by now. The weeks below are re-planned from today.');
  });
  it('counts the modules due and passed when on track, and says when none was due yet', () => {
    expect(planStatusText({ state: 'on-track', expected: [1, 2], done: [1, 2], behind: [] }, t, 'card')).toBe('On your plan: 2 of the 2 modules due by now are passed.');
    expect(planStatusText({ state: 'on-track', expected: [1], done: [1], behind: [] }, t, 'panel')).toBe('On track: the module planned by now is passed (1 of 1).');
    expect(planStatusText({ state: 'on-track', expected: [], done: [], behind: [] }, t, 'card')).toBe('On track: no module was due yet.');
    expect(planStatusText({ state: 'ahead', expected: [1], done: [1, 2], behind: [] }, t, 'panel')).toBe('Ahead of your plan: more modules passed than planned by now.');
  });
});
