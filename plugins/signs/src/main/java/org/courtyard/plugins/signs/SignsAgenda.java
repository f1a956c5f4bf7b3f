package org.courtyard.plugins.signs;

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
 * What the signs gallery has waiting for a person: learners' videos waiting for approval, per space,
 * for those who may approve (the core keeps an item only for a person holding {@code signs.approve}).
 * One query whatever the number of spaces. The gallery has no dates: the sign of the week is chosen
 * by a teacher when they like, not for a given week, so there is nothing to put on a calendar.
 */
final class SignsAgenda implements Agenda {
  static final String CAPABILITY = "signs." + SignsTool.APPROVE.name();

  private final SignStore store;
  private final Directory directory;

  @Inject
  SignsAgenda(SignStore store, Directory directory) {
    this.store = store;
    this.directory = directory;
  }

  @Override
  public List<Waiting> waitingFor(UserRef person) {
    Map<Long, SpaceRef> spaces = new LinkedHashMap<>();
    for (Directory.Membership m : directory.spacesOf(person.id())) {
      if (!m.space().archived()) spaces.put(m.space().id(), m.space());
    }
    List<Waiting> out = new ArrayList<>();
    for (SignStore.PendingCount p : store.pendingBySpace(spaces.keySet())) {
      SpaceRef space = spaces.get(p.spaceId());
      if (space == null) continue;
      out.add(Waiting.of(Waiting.Kind.TO_APPROVE, space, space.name(), "/s/" + space.slug() + "/signs/pending",
          (int) Math.min(Integer.MAX_VALUE, p.count()), p.oldest(), CAPABILITY));
    }
    return out;
  }
}
