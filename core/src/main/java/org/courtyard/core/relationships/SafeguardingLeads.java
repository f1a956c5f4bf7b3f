package org.courtyard.core.relationships;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.courtyard.api.UserKind;
import org.courtyard.core.audit.AuditLog;
import org.courtyard.core.db.Db;
import org.courtyard.core.events.EventHub;
import org.courtyard.core.identity.User;

/** Names a school's designated safeguarding leads (staff who may read reported conversations). */
@Singleton
public final class SafeguardingLeads {
  private final Db db;
  private final EventHub events;
  private final AuditLog audit;

  @Inject
  public SafeguardingLeads(Db db, EventHub events, AuditLog audit) {
    this.db = db;
    this.events = events;
    this.audit = audit;
  }

  public void set(long schoolId, User person, boolean lead, User by) {
    if (lead && person.kind() != UserKind.STAFF) throw new IllegalArgumentException("A safeguarding lead is a member of staff.");
    if (person.schoolId() == null || person.schoolId() != schoolId) throw new IllegalArgumentException("That person is not in this school.");
    db.transaction(() -> {
      boolean was = db.count("SELECT COUNT(*) FROM safeguarding_leads WHERE school_id = ? AND user_id = ?", schoolId, person.id()) > 0;
      if (was == lead) return null;
      if (lead) db.update("INSERT INTO safeguarding_leads (school_id, user_id) VALUES (?, ?)", schoolId, person.id());
      else db.update("DELETE FROM safeguarding_leads WHERE school_id = ? AND user_id = ?", schoolId, person.id());
      audit.record(schoolId, AuditLog.Action.SAFEGUARDING_LEAD, by, person, null, lead ? "named safeguarding lead" : "no longer safeguarding lead", null);
      events.publishAfterCommit(new RelationshipsChanged(schoolId));
      return null;
    });
  }
}
