package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;

/**
 * The ICT leader's pages under {@code /admin/:school}, one class per area: the overview and usage,
 * plugins (installed, the catalogue, removal) and their settings, spaces, branding, languages, mail and "why?". People are {@link AdminPeopleRoutes}; the
 * audit log {@link AuditRoutes}; imports {@link ImportRoutes}. Every page checks {@code school.admin}
 * on the school's space ({@link AdminPages}).
 */
public final class AdminRoutes {
  private final AdminUsageRoutes usage;
  private final AdminPluginRoutes plugins;
  private final AdminToolSettingsRoutes toolSettings;
  private final AdminSpaceRoutes spaces;
  private final AdminBrandingRoutes branding;
  private final AdminWhyRoutes why;
  private final AdminCatalogueRoutes catalogue;
  private final AdminPluginRemovalRoutes removal;
  private final AdminLanguagesRoutes languages;
  @Inject private MailRoutes mail;

  @Inject
  public AdminRoutes(AdminUsageRoutes usage, AdminPluginRoutes plugins, AdminToolSettingsRoutes toolSettings, AdminSpaceRoutes spaces,
                     AdminBrandingRoutes branding, AdminWhyRoutes why, AdminCatalogueRoutes catalogue, AdminPluginRemovalRoutes removal,
                     AdminLanguagesRoutes languages) {
    this.languages = languages;
    this.catalogue = catalogue;
    this.removal = removal;
    this.usage = usage;
    this.plugins = plugins;
    this.toolSettings = toolSettings;
    this.spaces = spaces;
    this.branding = branding;
    this.why = why;
  }

  public void mount(Router r) {
    usage.mount(r);
    catalogue.mount(r);
    plugins.mount(r);
    removal.mount(r);
    toolSettings.mount(r);
    spaces.mount(r);
    branding.mount(r);
    why.mount(r);
    languages.mount(r);
    mail.mount(r);
  }
}
