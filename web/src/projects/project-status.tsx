import type { ProjectSummary } from '../../../src/core/api/contracts.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/** Where a candidate stands on a project: not started, waiting for a grade, and the latest graded result. */
export function ProjectStatus({ status, result }: Pick<ProjectSummary, 'status' | 'result'>) {
  const { t } = useI18n();
  return (
    <p data-testid="project-status">
      {status === 'not-started' ? t('projectNotStarted') : status === 'submitted' ? t('projectWaiting') : t('projectGraded')}
      {result && <> · {t(result.meets ? 'projectResultMeets' : 'projectResultBelow', { points: result.points, max: result.max })}</>}
    </p>
  );
}
