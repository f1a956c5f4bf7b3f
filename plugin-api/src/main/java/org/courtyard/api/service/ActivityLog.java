package org.courtyard.api.service;

import org.courtyard.api.SpaceRef;
import org.courtyard.api.UserRef;

/** What happened where, for the ICT leader's usage pages. The tool's id is filled in by the core. */
public interface ActivityLog {
  void record(UserRef who, SpaceRef where, String action, String summary);
}
