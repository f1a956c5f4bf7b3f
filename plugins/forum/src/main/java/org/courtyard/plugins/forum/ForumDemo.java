package org.courtyard.plugins.forum;

import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import org.courtyard.api.Role;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.UserKind;
import org.courtyard.api.UserRef;
import org.courtyard.api.service.Directory;
import org.courtyard.api.service.ToolServices;

/**
 * The demo school's classes get a discussion in their forum: the teacher asks for names for the class
 * hamster, a learner answers, and another learner's answer waits in the moderation queue (it shares
 * where they live), so the teacher has one to moderate. Told through the same code as the pages.
 */
final class ForumDemo implements org.courtyard.api.DemoContent {
  private final ForumStore store;
  private final ToolServices core;

  @Inject
  ForumDemo(ForumStore store, ToolServices core) {
    this.store = store;
    this.core = core;
  }

  @Override
  public void fill(SpaceRef space, UserRef teacher) {
    if (store.forums(space).isEmpty()) store.createDefaultForum(space);
    ForumStore.Forum forum = store.forums(space).get(0);
    String title = "Names for our class hamster";
    long id = store.startDiscussion(forum, teacher, title,
        "We are getting a class hamster next week! What should we call her? Tell us your idea and why you like it.", ForumStore.VISIBLE, null, null);
    ForumStore.Discussion d = store.discussion(space, id).orElseThrow();
    core.activity().record(teacher, space, "discussion", ForumRoutes.DID_START, "title", title);

    List<UserRef> learners = core.directory().members(space.id()).stream()
        .filter(m -> m.role() == Role.MEMBER && m.user().kind() == UserKind.LEARNER).map(Directory.Member::user)
        .sorted(Comparator.comparing(UserRef::displayName)).toList();
    if (learners.isEmpty()) return;
    UserRef first = learners.get(0);
    UserRef other = learners.size() > 1 ? learners.get(1) : first;

    store.addPost(d.id(), null, space.id(), first, "I think we should call her Nibbles, because hamsters nibble everything!",
        ForumStore.VISIBLE, null, null);
    store.subscribe(d.id(), first.id());
    ForumRoutes.tellSubscribers(core, store, space, d, first.id(), first.id());
    core.activity().record(first, space, "reply", ForumRoutes.DID_REPLY, "title", title);

    store.addPost(d.id(), null, space.id(), other, "Biscuit! She can come and stay at my house in the holidays, I live at 14 Elm Road.",
        ForumStore.PENDING, null, null);
    store.subscribe(d.id(), other.id());
    ForumRoutes.tellModerators(core, space, other, title);
    core.activity().record(other, space, "reply", ForumRoutes.DID_REPLY, "title", title);
  }
}
