import { describe, expect, it } from 'vitest';
import type { ExamSummary } from '../../../src/core/api/contracts.ts';
import { blueprintNames } from './blueprint-names.ts';

const exam = {
  domains: [
    { id: '1', name: 'Data Preparation for ML and AI', nameFr: 'Préparation des données pour le ML et l’IA', weight: 28, tasks: [{ id: '1.1', title: 'Collect and store data', titleFr: 'Collecter et stocker les données', items: 1, bullets: [] }, { id: '1.2', title: 'Untranslated', titleFr: null, items: 1, bullets: [] }] },
  ],
} as unknown as ExamSummary;

describe('blueprintNames', () => {
  it('gives the French names where the exam file has them, else the official English marked as such', () => {
    const fr = blueprintNames(exam, 'fr');
    expect(fr.domain('1', '?')).toEqual({ text: 'Préparation des données pour le ML et l’IA', lang: 'fr' });
    expect(fr.task('1.1', '?')).toEqual({ text: 'Collecter et stocker les données', lang: 'fr' });
    expect(fr.task('1.2', '?')).toEqual({ text: 'Untranslated', lang: 'en' });
    expect(blueprintNames(exam, 'en').task('1.1', '?')).toEqual({ text: 'Collect and store data', lang: 'en' });
    expect(blueprintNames(undefined, 'fr').domain('9', 'Fallback')).toEqual({ text: 'Fallback', lang: 'en' });
  });
});
