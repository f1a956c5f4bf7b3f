package org.courtyard.core.plugins;

import java.util.List;
import org.courtyard.core.audit.AuditLog;
import org.courtyard.core.identity.User;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;

/**
 * Records plugin installs, upgrades, refusals and removals in the audit log. A plugin serves every
 * school, so a change made from the command line (no school's page) is recorded for every school.
 */
public final class PluginAudit {
  private final AuditLog log;
  private final SpaceStore spaces;

  public PluginAudit(AuditLog log, SpaceStore spaces) {
    this.log = log;
    this.spaces = spaces;
  }

  /** {@code schoolId} is the school whose admin page was used, or null for the command line. */
  public void record(Long schoolId, AuditLog.Action action, User actor, String detail) {
    List<Long> schools = schoolId != null ? List.of(schoolId) : spaces.schools().stream().map(Space::id).toList();
    for (Long s : schools) log.record(s, action, actor, null, null, detail, null);
  }
}
