package org.courtyard.plugins.blog;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.courtyard.api.Role;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.UserKind;
import org.courtyard.api.UserRef;
import org.courtyard.api.service.Directory;
import org.courtyard.api.service.ToolServices;

/**
 * The demo school's classes get a blog post by the teacher about the class's farm visit, with a
 * learner's comment on it and another learner's comment waiting for the teacher to approve, and a post
 * scheduled for later in the week (on the teacher's calendar). Told through the same code as the pages.
 */
final class BlogDemo implements org.courtyard.api.DemoContent {
  private final BlogStore store;
  private final ToolServices core;

  @Inject
  BlogDemo(BlogStore store, ToolServices core) {
    this.store = store;
    this.core = core;
  }

  @Override
  public void fill(SpaceRef space, UserRef teacher) {
    Instant now = core.clock().instant();
    String title = "Our visit to Meadow Farm";
    long id = store.create(space.id(), teacher, title, core.sanitizer().sanitize(
        "<p>What a brilliant day we had at Meadow Farm! We fed the lambs, collected eggs from the hens and learned how cows are milked.</p>"
            + "<p>Thank you to all the grown-ups who came to help. What was your favourite animal? Tell us in a comment.</p>"),
        BlogStore.PUBLISHED, now.minus(Duration.ofDays(1)), null);
    BlogStore.Post post = store.post(space.id(), id).orElseThrow();
    core.activity().record(teacher, space, "post", BlogRoutes.DID_WRITE, "title", title);

    String later = "Our class assembly";
    store.create(space.id(), teacher, later, core.sanitizer().sanitize(
        "<p>Thank you for coming to our class assembly! Photos of the children's singing and poems will be here soon.</p>"),
        BlogStore.SCHEDULED, now.plus(Duration.ofDays(4)), null);
    core.activity().record(teacher, space, "post", BlogRoutes.DID_WRITE, "title", later);

    List<UserRef> learners = core.directory().members(space.id()).stream()
        .filter(m -> m.role() == Role.MEMBER && m.user().kind() == UserKind.LEARNER).map(Directory.Member::user)
        .sorted(Comparator.comparing(UserRef::displayName)).toList();
    if (learners.isEmpty()) return;
    UserRef first = learners.get(0);
    UserRef other = learners.size() > 1 ? learners.get(1) : first;

    store.comment(id, space.id(), first, "My favourite was the lambs because they were so soft and one sucked my finger!", "visible", null);
    BlogRoutes.tellAuthor(core, space, post, first.id(), first.displayName(), first.id());
    core.activity().record(first, space, "comment", BlogRoutes.DID_COMMENT, "title", title);

    store.comment(id, space.id(), other, "I liked the piglets best. Can we go again next year?", "pending", null);
    BlogRoutes.tellModerators(core, space, post, other);
    core.activity().record(other, space, "comment", BlogRoutes.DID_COMMENT, "title", title);
  }
}
