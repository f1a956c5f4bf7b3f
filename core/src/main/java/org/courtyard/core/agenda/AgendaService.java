package org.courtyard.core.agenda;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.courtyard.api.agenda.Agenda;
import org.courtyard.api.agenda.Dated;
import org.courtyard.api.agenda.Waiting;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.permissions.PermissionService;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;

/**
 * Merges every tool's answer to "what is waiting for this person?" and "what is dated for them?". An
 * item is kept only where the person it is about holds its capability in its space (the core's check,
 * whatever the tool answered); a parent's dates are their children's, each child checked as themselves,
 * and only for children the relationship model says are theirs. A tool that fails is logged and left
 * out: one broken tool never takes the home page down.
 */
@Singleton
public final class AgendaService {
  private static final Logger LOG = Logger.getLogger(AgendaService.class.getName());
  private final AgendaRegistry registry;
  private final PermissionService permissions;
  private final SpaceStore spaces;
  private final UserStore users;

  /** An item with the tool it came from. */
  public record WaitingItem(String toolId, Waiting waiting) {}

  /** A dated item with the tool it came from and, on a parent's calendar, the child it is for. */
  public record DatedItem(String toolId, Dated dated, User child) {}

  @Inject
  public AgendaService(AgendaRegistry registry, PermissionService permissions, SpaceStore spaces, UserStore users) {
    this.registry = registry;
    this.permissions = permissions;
    this.spaces = spaces;
    this.users = users;
  }

  /** What is waiting for the person, oldest first. */
  public List<WaitingItem> waitingFor(User person) {
    List<WaitingItem> out = new ArrayList<>();
    for (AgendaRegistry.Entry e : registry.all()) {
      for (Waiting w : ask(e, a -> a.waitingFor(person.ref()))) {
        if (allowed(person, w.space().id(), capability(e.toolId(), w.capability()))) out.add(new WaitingItem(e.toolId(), w));
      }
    }
    out.sort(Comparator.comparing((WaitingItem i) -> i.waiting().oldest() == null ? Instant.MAX : i.waiting().oldest()));
    return out;
  }

  /** The person's own dated items from {@code from} to {@code to}, soonest first. */
  public List<DatedItem> datesFor(User person, Instant from, Instant to) {
    List<DatedItem> out = new ArrayList<>();
    collect(person, null, from, to, out);
    out.sort(Comparator.comparing((DatedItem i) -> i.dated().start()));
    return out;
  }

  /** A parent's view: each of their children's dated items (children as the relationship model says), soonest first. */
  public List<DatedItem> childrensDates(User parent, Instant from, Instant to) {
    List<DatedItem> out = new ArrayList<>();
    for (User child : users.childrenOf(parent.id())) collect(child, child, from, to, out);
    out.sort(Comparator.comparing((DatedItem i) -> i.dated().start()));
    return out;
  }

  /** One child's dated items, for a parent of that child; empty for anyone else. */
  public List<DatedItem> childDates(User parent, User child, Instant from, Instant to) {
    if (users.childrenOf(parent.id()).stream().noneMatch(c -> c.id() == child.id())) return List.of();
    List<DatedItem> out = new ArrayList<>();
    collect(child, child, from, to, out);
    out.sort(Comparator.comparing((DatedItem i) -> i.dated().start()));
    return out;
  }

  private void collect(User whose, User child, Instant from, Instant to, List<DatedItem> out) {
    for (AgendaRegistry.Entry e : registry.all()) {
      for (Dated d : ask(e, a -> a.datesFor(whose.ref(), from, to))) {
        boolean inRange = d.start().isBefore(to) && !(d.end() == null ? d.start() : d.end()).isBefore(from);
        if (inRange && allowed(whose, d.space().id(), capability(e.toolId(), d.capability()))) out.add(new DatedItem(e.toolId(), d, child));
      }
    }
  }

  /** A tool's own capability by its name ("mark"), or any by its whole name ("space.view"). */
  private static String capability(String toolId, String name) { return name.indexOf('.') >= 0 ? name : toolId + "." + name; }

  private boolean allowed(User person, long spaceId, String capability) {
    Optional<Space> space = spaces.byId(spaceId);
    return space.isPresent() && !space.get().archived() && permissions.can(person, capability, space.get());
  }

  private static <T> List<T> ask(AgendaRegistry.Entry e, Function<Agenda, List<T>> question) {
    try {
      List<T> answer = question.apply(e.agenda());
      return answer == null ? List.of() : answer;
    } catch (RuntimeException | LinkageError ex) {
      LOG.log(Level.WARNING, "The agenda of " + e.toolId() + " failed; left out", ex);
      return List.of();
    }
  }
}
