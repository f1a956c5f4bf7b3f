package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import org.courtyard.core.web.Web;

/** Placeholder: filled in by its own increment. */
public final class SpaceManageRoutes {
  private final Web web;

  @Inject
  public SpaceManageRoutes(Web web) { this.web = web; }

  public void mount(Router router) {
  }
}
