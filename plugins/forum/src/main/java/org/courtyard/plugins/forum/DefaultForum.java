package org.courtyard.plugins.forum;

import jakarta.inject.Inject;
import org.courtyard.api.event.Listener;
import org.courtyard.api.event.ToolAddedToSpace;
import org.courtyard.api.service.Directory;

/**
 * A space that gets the forum starts with one forum in it, so nobody meets an empty page. Its name is
 * the tool's words, not a person's: it is shown to each reader in their own language (a Welsh-medium
 * class and its English-speaking parents each read it in theirs). Only the space's name is stored, to
 * sort the forums by.
 */
final class DefaultForum implements Listener<ToolAddedToSpace> {
  private final ForumStore store;
  private final Directory directory;

  @Inject
  DefaultForum(ForumStore store, Directory directory) {
    this.store = store;
    this.directory = directory;
  }

  @Override
  public void on(ToolAddedToSpace event) {
    if (!ForumTool.ID.equals(event.toolId())) return;
    directory.space(event.spaceId()).ifPresent(space -> {
      if (store.forums(space).isEmpty()) store.createDefaultForum(space);
    });
  }
}
