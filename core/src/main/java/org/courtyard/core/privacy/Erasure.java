package org.courtyard.core.privacy;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.courtyard.api.event.PersonDeleted;
import org.courtyard.core.audit.AuditLog;
import org.courtyard.core.events.EventHub;
import org.courtyard.core.identity.SessionEnder;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;

/**
 * Erases one person's data everywhere: every running tool first (they may still look the person up),
 * then the core, which empties the account. Recorded in the audit log with each tool's count; a tool
 * that fails is named and the erasure can simply be run again (every step is safe to repeat).
 */
@Singleton
public final class Erasure {
  private static final Logger LOG = Logger.getLogger(Erasure.class.getName());
  private final PersonalDataRegistry registry;
  private final UserStore users;
  private final AuditLog audit;
  private final EventHub events;
  private final SessionEnder sessions;

  @Inject
  public Erasure(PersonalDataRegistry registry, UserStore users, AuditLog audit, EventHub events, SessionEnder sessions) {
    this.registry = registry;
    this.users = users;
    this.audit = audit;
    this.events = events;
    this.sessions = sessions;
  }

  /** What was removed, by tool id, and which tools failed. */
  public record Outcome(Map<String, Long> removed, List<String> failed) {
    public boolean complete() { return failed.isEmpty(); }

    public long total() { return removed.values().stream().mapToLong(Long::longValue).sum(); }
  }

  /** Erases {@code subject}'s data; {@code actor} is null when the retention job does it. */
  public Outcome erase(User subject, User actor, String why, String address) {
    sessions.endSessionsOf(subject.id(), null);
    Map<String, Long> removed = new LinkedHashMap<>();
    List<String> failed = new ArrayList<>();
    List<PersonalDataRegistry.Entry> order = new ArrayList<>(registry.all());
    order.sort((a, b) -> Boolean.compare("core".equals(a.toolId()), "core".equals(b.toolId())));
    for (PersonalDataRegistry.Entry e : order) {
      if ("core".equals(e.toolId()) && !failed.isEmpty()) {
        // Keep the account while a tool still holds data, so the erasure can be run again and find it.
        continue;
      }
      try {
        removed.put(e.toolId(), e.data().erase(subject.id()));
      } catch (Exception | LinkageError ex) {
        LOG.log(Level.WARNING, "Erasure: " + e.toolId() + " failed for user " + subject.id(), ex);
        failed.add(e.toolId());
      }
    }
    StringBuilder detail = new StringBuilder(why);
    removed.forEach((tool, n) -> detail.append("; ").append(tool).append(": ").append(n));
    if (!failed.isEmpty()) detail.append("; not finished, failed in: ").append(String.join(", ", failed));
    audit.record(subject.schoolId(), AuditLog.Action.DATA_ERASED, actor, subject, null, detail.toString(), address);
    if (failed.isEmpty()) events.publishAfterCommit(new PersonDeleted(subject.id(), subject.schoolId() == null ? 0 : subject.schoolId()));
    // Links to parents and teaching groups went: every node forgets who was whose.
    events.publishAfterCommit(new org.courtyard.core.relationships.RelationshipsChanged(subject.schoolId() == null ? 0 : subject.schoolId()));
    return new Outcome(removed, failed);
  }
}
