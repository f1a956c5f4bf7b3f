package org.courtyard.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.courtyard.core.config.Config;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The distribution's own plugin repository (repository/, signed by the build; its certificate in
 * conf/trusted-publishers): a school with no internet and no plugins installed lists every first-party
 * plugin in the catalogue, with what it asks for and keeps, and installs one from there.
 */
class FirstPartyCatalogueIT {
  static final Path INSTALLATION = Distribution.installation();

  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool()
      .setting(Config.PLUGINS_REPOSITORIES, INSTALLATION.resolve("repository").toString())
      .setting(Config.PLUGINS_TRUSTED_PUBLISHERS, INSTALLATION.resolve("conf/trusted-publishers").toString());

  @Test
  void everyBundledPluginIsInTheShippedCatalogueAndOneInstallsFromIt() throws Exception {
    JsonArray index = new JsonArray(Files.readString(INSTALLATION.resolve("repository/plugins.json")));
    try (var bundled = Files.list(INSTALLATION.resolve("plugins"))) {
      assertEquals(bundled.filter(p -> p.toString().endsWith(".jar")).count(), index.size(), "one catalogue entry for each bundled plugin");
    }
    TestClient admin = courtyard.signIn("ict.leader");
    TestClient.Response page = admin.get("/admin/oakfield/plugins/catalogue");
    assertEquals(200, page.status(), page.body());
    for (String name : new String[] {"Forum", "Wiki", "Blog", "Homework", "Quizzes", "Signs", "Portfolio", "Class lists (CSV) importer"}) {
      assertTrue(page.contains(name), name + " is offered: " + page.body());
    }
    assertTrue(page.contains("By Courtyard"), "its publisher");
    assertTrue(page.contains("Its own tables: wiki_pages, wiki_revisions."), "what it keeps");
    assertTrue(page.contains("Read the pages</td><td>viewer and above"), "what it asks for");
    assertTrue(page.contains("Install "), "offered for installing: nothing is installed yet");

    JsonObject wiki = index.stream().map(JsonObject.class::cast).filter(e -> e.getString("id").equals("wiki")).findFirst().orElseThrow();
    String version = wiki.getJsonArray("releases").getJsonObject(0).getString("version");
    TestClient.Response installed = admin.post("/admin/oakfield/plugins/catalogue/install", Map.of("repository", "0", "id", "wiki", "version", version));
    assertEquals(303, installed.status(), installed.body());
    TestClient.Response plugins = admin.get("/admin/oakfield/plugins");
    assertTrue(plugins.contains("signed by Courtyard first party"), plugins.body());
    assertTrue(admin.get("/admin/oakfield/plugins/catalogue").contains("installed " + version), "the catalogue knows it is installed");
  }
}
