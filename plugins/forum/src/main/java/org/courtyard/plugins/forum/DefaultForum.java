package org.courtyard.plugins.forum;

import jakarta.inject.Inject;
import org.courtyard.api.event.Listener;
import org.courtyard.api.event.ToolAddedToSpace;
import org.courtyard.api.service.Directory;

/** A space that gets the forum starts with one forum in it, so nobody meets an empty page. */
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
      if (store.forums(space).isEmpty()) store.createForum(space, space.name() + " forum", "Talk about anything to do with " + space.name() + ".", true, false);
    });
  }
}
