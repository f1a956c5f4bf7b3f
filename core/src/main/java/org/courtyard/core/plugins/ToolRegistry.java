package org.courtyard.core.plugins;

import io.vertx.ext.web.Route;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.courtyard.api.Setting;
import org.courtyard.api.ToolInfo;
import org.courtyard.api.web.Widget;
import org.courtyard.core.web.Renderer;

/**
 * The running tools and everything each contributed (routes, menu entries, widgets), kept together so
 * that stopping a tool removes all of it at once.
 */
@Singleton
public final class ToolRegistry {

  public record MenuEntry(String toolId, String label, String path, String capability) {}

  public record WidgetEntry(String toolId, String name, String title, String capability, Widget widget) {}

  /** A tool that is running now. */
  public record ActiveTool(String pluginId, ToolInfo info, Renderer.Engine templates, ClassLoader loader,
                           List<MenuEntry> menus, List<WidgetEntry> widgets, List<Route> routes) {
    public String id() { return info.id(); }

    public Optional<Setting<?>> setting(String key) { return info.settings().stream().filter(s -> s.key().equals(key)).findFirst(); }
  }

  private final Map<String, ActiveTool> byToolId = new ConcurrentHashMap<>();

  void add(ActiveTool tool) {
    ActiveTool existing = byToolId.putIfAbsent(tool.id(), tool);
    if (existing != null) throw new IllegalStateException("Tool id '" + tool.id() + "' is already used by plugin " + existing.pluginId());
  }

  /** Tools being swapped for another version: their old routes stay on the router until the new ones are on. */
  private final Map<String, List<Route>> handingOver = new ConcurrentHashMap<>();

  /** Removes one tool, unmounting its routes (unless it is being handed over to a new version). */
  void removeTool(String toolId) {
    ActiveTool t = byToolId.remove(toolId);
    if (t == null) return;
    List<Route> kept = handingOver.get(toolId);
    if (kept != null) kept.addAll(t.routes());
    else t.routes().forEach(Route::remove);
  }

  /**
   * Keeps these tools' routes on the router when they are removed, until {@link #handedOver}. Vert.x
   * routes a request over the routes there were when it arrived, so a request arriving while a tool had
   * no routes at all would find none even after waiting for the swap (a 404). Kept routes answer through
   * the running version's route for the same method and path.
   */
  void handOver(Collection<String> toolIds) {
    for (String id : toolIds) handingOver.put(id, new java.util.concurrent.CopyOnWriteArrayList<>());
  }

  /** The new (or restored) version's routes are on: the old ones go. */
  void handedOver(Collection<String> toolIds) {
    for (String id : toolIds) {
      List<Route> old = handingOver.remove(id);
      if (old != null) old.forEach(Route::remove);
    }
  }

  public Optional<ActiveTool> tool(String toolId) { return Optional.ofNullable(byToolId.get(toolId)); }

  public Collection<ActiveTool> tools() {
    List<ActiveTool> all = new ArrayList<>(byToolId.values());
    all.sort(Comparator.comparing(t -> t.info().title()));
    return all;
  }

  public List<ActiveTool> ofPlugin(String pluginId) { return tools().stream().filter(t -> t.pluginId().equals(pluginId)).toList(); }
}
