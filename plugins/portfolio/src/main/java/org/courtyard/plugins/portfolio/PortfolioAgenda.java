package org.courtyard.plugins.portfolio;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.UserRef;
import org.courtyard.api.agenda.Agenda;
import org.courtyard.api.agenda.Waiting;
import org.courtyard.api.service.Directory;

/**
 * What the portfolio has waiting for a person: comments others left on their own collections in the
 * last {@link #RECENT} (the portfolio does not know when its owner last read them), per collection,
 * to read. Staff-only collections (an education plan) are left out: their owner does not see them.
 * Nothing for teachers: a learner opens a collection to their teachers, but never hands one in to be
 * reviewed, so nothing is waiting for them. No dates. One query.
 */
final class PortfolioAgenda implements Agenda {
  static final Duration RECENT = Duration.ofDays(14);
  static final String CAPABILITY = "portfolio." + PortfolioTool.VIEW.name();

  private final PortfolioStore store;
  private final Directory directory;
  private final Clock clock;

  @Inject
  PortfolioAgenda(PortfolioStore store, Directory directory, Clock clock) {
    this.store = store;
    this.directory = directory;
    this.clock = clock;
  }

  @Override
  public List<Waiting> waitingFor(UserRef person) {
    List<Waiting> out = new ArrayList<>();
    Map<Long, Optional<SpaceRef>> spaces = new HashMap<>();
    for (PortfolioStore.NewComments n : store.commentsByOthersSince(person.id(), clock.instant().minus(RECENT))) {
      // Where the portfolio lives: the owner's personal space (one, looked up once).
      Optional<SpaceRef> space = spaces.computeIfAbsent(n.spaceId(), id -> directory.space(id)
          .filter(s -> !s.archived() && directory.personalSpaceOwner(s.id()).map(UserRef::id).orElse(-1L) == person.id()));
      space.ifPresent(s -> out.add(Waiting.of(Waiting.Kind.TO_READ, s, n.title(), "/s/" + s.slug() + "/portfolio/c/" + n.collectionId(),
          (int) Math.min(Integer.MAX_VALUE, n.count()), n.oldest(), CAPABILITY)));
    }
    return out;
  }
}
