package org.courtyard.core.plugins.catalogue;

import java.util.List;

/**
 * One plugin as a repository's index describes it. The fields are those of PF4J's update repository
 * ({@code plugins.json}: id, name, description, provider, projectUrl, releases with version, date,
 * requires and url) plus what an ICT leader needs to choose: licence, screenshots, the capabilities it
 * asks for with their default roles, the data it keeps, and per release its SHA-256 and upgradesFrom.
 */
public record CatalogueEntry(int repository, String id, String name, String description, String provider, String projectUrl,
                             String licence, List<String> screenshots, List<CapabilityAsked> capabilities, String data,
                             List<Release> releases) {

  public record CapabilityAsked(String id, String label, String defaultRole) {}

  /** {@code url} is absolute (http) or a path inside a folder repository, already resolved against the index. */
  public record Release(String version, String date, String requires, String url, String sha256, String upgradesFrom) {}
}
