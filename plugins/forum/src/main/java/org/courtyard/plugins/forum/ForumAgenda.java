package org.courtyard.plugins.forum;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.UserRef;
import org.courtyard.api.agenda.Agenda;
import org.courtyard.api.agenda.Waiting;
import org.courtyard.api.service.Directory;

/**
 * What the forum has waiting for a person: posts in the moderation queue (held for a teacher, or
 * reported and not yet dealt with), counted per forum, for those who may moderate. The forum has no
 * dates. Two queries whatever the number of spaces; the core keeps an item only for a person holding
 * {@code forum.moderate} in its space.
 */
final class ForumAgenda implements Agenda {
  static final String CAPABILITY = ForumTool.ID + "." + ForumTool.MODERATE.name();

  private final ForumStore store;
  private final Directory directory;

  @Inject
  ForumAgenda(ForumStore store, Directory directory) {
    this.store = store;
    this.directory = directory;
  }

  @Override
  public List<Waiting> waitingFor(UserRef person) {
    Map<Long, SpaceRef> spaces = new LinkedHashMap<>();
    for (Directory.Membership m : directory.spacesOf(person.id())) {
      if (!m.space().archived()) spaces.put(m.space().id(), m.space());
    }
    if (spaces.isEmpty()) return List.of();
    List<Waiting> out = new ArrayList<>();
    for (ForumStore.Queued q : store.queuedByForum(spaces.keySet())) {
      SpaceRef space = spaces.get(q.spaceId());
      if (space == null) continue;
      // The forum a space starts with carries the space's name (the tool's own words around it are not stored).
      String title = q.madeByTool() ? space.name() : q.forumTitle();
      out.add(Waiting.of(Waiting.Kind.TO_MODERATE, space, title, "/s/" + space.slug() + "/" + ForumTool.ID + "/moderation",
          (int) Math.min(Integer.MAX_VALUE, q.count()), q.oldest(), CAPABILITY));
    }
    return out;
  }
}
