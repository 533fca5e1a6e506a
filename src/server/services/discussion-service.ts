import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Discussion, PlatformSettings, User } from '../../core/api/contracts.ts';
import { appSettings } from '../../db/repositories/app-settings.ts';
import { discussions, type PostRow } from '../../db/repositories/discussions.ts';
import { rateLimits } from '../../db/repositories/rate-limits.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, RateLimitedError, forbidden, notFound } from '../errors.ts';
import type { BankService } from './bank-service.ts';
import { countNoun } from '../../core/util/count-noun.ts';

const SCOPE_KEY = 'discussion-scope';
/** A person may post this many times per window, across every question. */
export const POSTS_PER_WINDOW = 5;
const WINDOW_MS = 10 * 60_000;

/**
 * The discussion under each question (the study groups the seeds recommend): readable once the reader has
 * answered the question, so it never gives a key away; within the reader's cohorts or among everyone, as an
 * administrator chooses. Tutors (for their cohorts' members) and administrators hide posts and lock threads.
 * Text only; a few posts per ten minutes.
 */
export class DiscussionService {
  constructor(private readonly deps: { db: Kysely<Database>; bank: BankService; now: () => number }) {}

  async settings(): Promise<PlatformSettings> {
    const scope = await appSettings.get(this.deps.db, SCOPE_KEY);
    return { discussionScope: scope === 'global' ? 'global' : 'cohort' };
  }

  async setSettings(s: PlatformSettings): Promise<PlatformSettings> {
    await appSettings.set(this.deps.db, SCOPE_KEY, s.discussionScope, this.deps.now());
    return this.settings();
  }

  async view(user: User, itemId: string): Promise<Discussion> {
    const { db } = this.deps;
    await this.mayRead(user, itemId);
    const [{ discussionScope }, locked, posts, peers] = await Promise.all([this.settings(), discussions.locked(db, itemId), discussions.posts(db, itemId), discussions.cohortPeers(db, user.id)]);
    const admin = user.roles.includes('admin');
    const moderator = admin || user.roles.includes('tutor');
    const visible = posts.filter((p) => (admin || discussionScope === 'global' || peers.has(p.user_id)) && (p.hidden_ms === null || p.user_id === user.id || this.moderates(user, p, peers)));
    return {
      itemId,
      scope: discussionScope,
      locked,
      canPost: !locked,
      canModerate: moderator,
      posts: visible.map((p) => ({ id: p.id, author: p.name, mine: p.user_id === user.id, createdAt: new Date(Number(p.created_ms)).toISOString(), body: p.body, hidden: p.hidden_ms !== null })),
    };
  }

  async post(user: User, itemId: string, body: string): Promise<Discussion> {
    const { db, now } = this.deps;
    await this.mayRead(user, itemId);
    if (await discussions.locked(db, itemId)) throw new AppError(409, 'locked', 'This discussion is locked: no new posts.');
    const key = `post:${user.id}`;
    const { count, resetMs } = await rateLimits.count(db, key, now(), WINDOW_MS);
    if (count >= POSTS_PER_WINDOW) throw new RateLimitedError(`You have posted ${POSTS_PER_WINDOW} times in ten minutes: try again in ${countNoun(Math.ceil((resetMs - now()) / 60_000), 'minute')}.`, resetMs - now());
    await rateLimits.add(db, key, now(), WINDOW_MS);
    await discussions.insert(db, { id: randomUUID(), item_id: itemId, user_id: user.id, body, created_ms: now(), hidden_by: null, hidden_ms: null });
    return this.view(user, itemId);
  }

  /** Hides a post (or shows it again): an administrator any, a tutor those of people in their cohorts. */
  async hide(user: User, itemId: string, postId: string, hidden: boolean): Promise<Discussion> {
    const { db, now } = this.deps;
    const post = await discussions.post(db, postId);
    const peers = await discussions.cohortPeers(db, user.id);
    if (!post || post.item_id !== itemId || !this.moderates(user, post, peers)) throw notFound('The post');
    await discussions.setHidden(db, postId, hidden ? user.id : null, hidden ? now() : null);
    return this.view(user, itemId);
  }

  async lock(user: User, itemId: string, locked: boolean): Promise<Discussion> {
    await this.mayRead(user, itemId);
    await discussions.setLocked(this.deps.db, itemId, user.id, this.deps.now(), locked);
    return this.view(user, itemId);
  }

  private moderates(user: User, post: PostRow, peers: Set<string>): boolean {
    return user.roles.includes('admin') || (user.roles.includes('tutor') && peers.has(post.user_id));
  }

  /** The question exists and the reader answered it (moderators read without answering). */
  private async mayRead(user: User, itemId: string): Promise<void> {
    if (!this.deps.bank.current(itemId)) throw notFound('The question');
    if (user.roles.includes('admin') || user.roles.includes('tutor')) return;
    if (!(await discussions.answered(this.deps.db, user.id, itemId))) throw forbidden('answer-first', 'Answer the question first: its discussion opens once you have.');
  }
}
