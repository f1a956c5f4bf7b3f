package org.courtyard.api.web;

import java.util.List;
import java.util.Optional;
import org.courtyard.api.Role;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.UserRef;

/** One request to a tool, after the core has found the user and the space and checked the capability. */
public interface ToolRequest {
  /** The signed-in user; for a visitor on an open capability's route, a guest with id 0. */
  UserRef user();

  /** False only for visitors on routes whose capability is open to everyone. */
  boolean signedIn();

  SpaceRef space();

  /** The user's role in this space, if any (a school admin may have none and still hold every capability). */
  Optional<Role> role();

  /** The tool's base URL in this space, e.g. {@code /s/year-3/hello}. */
  String toolUrl();

  /** A {@code :name} parameter from the route's path. */
  String pathParam(String name);

  /** A path parameter as a number; a 404 if it is not one. */
  long pathId(String name);

  Optional<String> query(String name);

  /** A submitted form field, trimmed; empty string if absent. */
  String form(String name);

  List<String> formAll(String name);

  List<Upload> uploads();

  /** Whether this user holds the tool's capability (local name) here. */
  boolean can(String capability);

  /** The value of one of the tool's settings for this space (space value, else school value, else default). */
  String setting(String key);
}
