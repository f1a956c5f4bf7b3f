package org.courtyard.plugins.homework;

import jakarta.inject.Inject;
import java.util.List;
import org.courtyard.api.Role;
import org.courtyard.api.UserKind;
import org.courtyard.api.UserRef;
import org.courtyard.api.service.Directory;

/** Who a task is for: the learners named, or every learner of the space. Shared by the pages and the deadline job. */
final class Assignees {
  private final HomeworkStore store;
  private final Directory directory;

  @Inject
  Assignees(HomeworkStore store, Directory directory) {
    this.store = store;
    this.directory = directory;
  }

  List<UserRef> of(HomeworkStore.Task t) {
    if (!t.forAll()) return store.named(t.id()).stream().flatMap(id -> directory.user(id).stream()).toList();
    return learnersOf(t.spaceId());
  }

  /** The space's learners, for the "for" ticks on the new task form. */
  List<UserRef> learnersOf(long spaceId) {
    return directory.members(spaceId).stream()
        .filter(m -> m.role() == Role.MEMBER && m.user().kind() == UserKind.LEARNER).map(Directory.Member::user).toList();
  }
}
