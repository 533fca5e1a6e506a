import type { ItemReview } from '../../../src/core/api/contracts.ts';
import { DiscussionPanel } from '../discussions/discussion-panel.tsx';
import { DisputeForm } from '../disputes/dispute-form.tsx';

/** What a candidate may do with a question whose key was revealed: dispute the key, discuss it. */
export function ReviewActions({ attemptId, review }: { attemptId: string; review: ItemReview }) {
  return (
    <div className="review-actions">
      <DisputeForm attemptId={attemptId} review={review} />
      <DiscussionPanel itemId={review.itemId} />
    </div>
  );
}
