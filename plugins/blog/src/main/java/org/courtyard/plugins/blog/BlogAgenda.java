package org.courtyard.plugins.blog;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.UserRef;
import org.courtyard.api.agenda.Agenda;
import org.courtyard.api.agenda.Dated;
import org.courtyard.api.agenda.Waiting;
import org.courtyard.api.service.Directory;

/**
 * What the blog has waiting for a person and what is dated for them.
 * <ul>
 *   <li>Waiting: comments held for a teacher (a blog whose comments a teacher approves first), counted
 *       per post, for those who may moderate.</li>
 *   <li>Dated: posts scheduled to appear, at their publishing time: the writer's own (needing
 *       {@code blog.write}) and, for those who may moderate, everyone's in the space (who see them
 *       on the drafts page too).</li>
 * </ul>
 * Drafts are not waiting for anyone: the blog has no way to hand one to someone for review. One query
 * for each, over the person's spaces and their own blog.
 */
final class BlogAgenda implements Agenda {
  static final String MODERATE = BlogTool.ID + "." + BlogTool.MODERATE.name();
  static final String WRITE = BlogTool.ID + "." + BlogTool.WRITE.name();

  private final BlogStore store;
  private final Directory directory;

  @Inject
  BlogAgenda(BlogStore store, Directory directory) {
    this.store = store;
    this.directory = directory;
  }

  @Override
  public List<Waiting> waitingFor(UserRef person) {
    Spaces spaces = new Spaces(person);
    List<Waiting> out = new ArrayList<>();
    for (BlogStore.HeldComments h : store.heldComments(spaces.ids(), person.id())) {
      spaces.of(h.spaceId()).ifPresent(space -> out.add(Waiting.of(Waiting.Kind.TO_MODERATE, space, h.postTitle(), postUrl(space, h.postId()),
          (int) Math.min(Integer.MAX_VALUE, h.count()), h.oldest(), MODERATE)));
    }
    return out;
  }

  @Override
  public List<Dated> datesFor(UserRef person, Instant from, Instant to) {
    Spaces spaces = new Spaces(person);
    List<Dated> out = new ArrayList<>();
    for (BlogStore.Post p : store.scheduledBetween(spaces.ids(), person.id(), from, to)) {
      spaces.of(p.spaceId()).ifPresent(space -> out.add(Dated.at("post-" + p.id(), Dated.Kind.OPENS, space, p.title(), postUrl(space, p.id()),
          p.publishAt(), Dated.State.NONE, p.authorId() == person.id() ? WRITE : MODERATE)));
    }
    return out;
  }

  private static String postUrl(SpaceRef space, long postId) { return "/s/" + space.slug() + "/" + BlogTool.ID + "/posts/" + postId; }

  /**
   * The spaces the person belongs to, and their own blog: a personal space has no members, so a row
   * from another space is kept only if it is the person's own (the store asks for their own posts too).
   */
  private final class Spaces {
    private final long personId;
    private final Map<Long, SpaceRef> byId = new LinkedHashMap<>();

    Spaces(UserRef person) {
      this.personId = person.id();
      for (Directory.Membership m : directory.spacesOf(person.id())) {
        if (!m.space().archived()) byId.put(m.space().id(), m.space());
      }
    }

    List<Long> ids() { return List.copyOf(byId.keySet()); }

    Optional<SpaceRef> of(long spaceId) {
      SpaceRef s = byId.get(spaceId);
      if (s != null) return Optional.of(s);
      Optional<SpaceRef> own = directory.personalSpaceOwner(spaceId).filter(u -> u.id() == personId).flatMap(u -> directory.space(spaceId))
          .filter(sp -> !sp.archived());
      own.ifPresent(sp -> byId.put(spaceId, sp));
      return own;
    }
  }
}
