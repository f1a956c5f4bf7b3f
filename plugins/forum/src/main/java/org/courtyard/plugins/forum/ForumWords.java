package org.courtyard.plugins.forum;

import org.courtyard.api.i18n.Message;
import org.courtyard.api.i18n.Texts;

/**
 * The forum's own words shown in place of stored ones, in the reader's language: what stands for an
 * erased person's name and words (the store gives null for them), and the name of the forum a space
 * starts with. Nothing in these is stored, so a Welsh reader and an English one each read their own.
 */
final class ForumWords {
  static final Message FORMER_MEMBER = Message.of("forum.former.member");
  static final Message POST_REMOVED = Message.of("forum.former.post");
  static final Message DISCUSSION = Message.of("forum.former.discussion");
  static final Message REASON_REMOVED = Message.of("forum.former.reason");
  static final Message REMOVED_WITH_WRITER = Message.of("forum.former.removed");
  static final Message DEFAULT_NAME = Message.of("forum.default.name");
  static final Message DEFAULT_ABOUT = Message.of("forum.default.description");

  private ForumWords() {}

  static String author(Texts t, String kept) { return kept == null ? t.text(FORMER_MEMBER) : kept; }

  static String title(Texts t, String kept) { return kept == null ? t.text(DISCUSSION) : kept; }

  static String body(Texts t, String kept) { return kept == null ? t.text(POST_REMOVED) : kept; }

  static String reason(Texts t, String kept) { return kept == null ? t.text(REASON_REMOVED) : kept; }

  /** Why a post is hidden: a teacher's words as written, or (for a post waiting when its writer was erased) the forum's. */
  static String hiddenReason(Texts t, ForumStore.Post p) {
    String kept = p.hiddenReason();
    if (p.erased() && (kept == null || ForumStore.REMOVED_EN.equals(kept))) return t.text(REMOVED_WITH_WRITER);
    return kept;
  }

  /** The forum as a reader sees it: the one a space starts with is named in their language. */
  static ForumStore.Forum shown(Texts t, ForumStore.Forum f, String spaceName) {
    if (!f.madeByTool()) return f;
    return new ForumStore.Forum(f.id(), f.spaceId(), forumName(t, spaceName), t.text(DEFAULT_ABOUT, "space", spaceName), f.threaded(), f.qa(), true);
  }

  /** The discussion as a reader sees it: an erased writer's title and name in the forum's words. */
  static ForumStore.Discussion shown(Texts t, ForumStore.Discussion d) {
    if (d.title() != null && d.authorName() != null) return d;
    return new ForumStore.Discussion(d.id(), d.forumId(), d.spaceId(), d.authorId(), author(t, d.authorName()), title(t, d.title()), d.sticky(),
        d.locked(), d.lastPostAt(), d.lang());
  }

  static String forumName(Texts t, String spaceName) { return t.text(DEFAULT_NAME, "space", spaceName); }
}
