package org.courtyard.core.spaces;

import org.courtyard.api.SpaceKind;
import org.courtyard.api.SpaceRef;

/** A space in the tree. {@code schoolId} is the school root's id (its own id for a school; null across schools). */
public record Space(long id, Long parentId, Long schoolId, SpaceKind kind, String slug, String name, String description,
                    Long ownerUserId, boolean archived, boolean parentsAllowed, String pictureCode) {

  public SpaceRef ref() { return new SpaceRef(id, slug, name, kind, schoolId == null ? 0 : schoolId, archived); }

  public boolean personal() { return kind == SpaceKind.PERSONAL; }

  public String url() { return "/s/" + slug; }
}
