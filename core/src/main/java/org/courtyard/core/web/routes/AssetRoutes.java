package org.courtyard.core.web.routes;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.courtyard.api.service.FileStore;
import org.courtyard.core.plugins.ToolRegistry;
import org.courtyard.core.services.SchoolStore;
import org.courtyard.core.web.Web;

/**
 * Static files: the core's from its jar ({@code /assets/core/…}), each tool's from the {@code static/}
 * folder of its jar ({@code /assets/<tool>/…}), and each school's theme CSS and logo. Only known,
 * safe types are served; nothing outside the asset folders can be named.
 */
public final class AssetRoutes {
  private static final Map<String, String> TYPES = Map.of(
      "css", "text/css; charset=utf-8", "js", "application/javascript; charset=utf-8", "png", "image/png",
      "jpg", "image/jpeg", "svg", "image/svg+xml", "woff2", "font/woff2", "ico", "image/x-icon", "webp", "image/webp",
      "mp3", "audio/mpeg", "json", "application/json");
  private final Vertx vertx;
  private final Web web;
  private final ToolRegistry tools;
  private final SchoolStore schools;
  private final FileStore files;

  @Inject
  public AssetRoutes(Vertx vertx, Web web, ToolRegistry tools, SchoolStore schools, FileStore files) {
    this.vertx = vertx;
    this.web = web;
    this.tools = tools;
    this.schools = schools;
    this.files = files;
  }

  public void mount(Router router) {
    router.get("/assets/:owner/*").handler(this::asset);
    router.get("/theme/:school/logo").handler(this::logo);
    router.get("/theme/:file").handler(this::theme);
  }

  private void asset(RoutingContext ctx) {
    String owner = ctx.pathParam("owner");
    String path = ctx.pathParam("*");
    String ext = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1).toLowerCase() : "";
    String type = TYPES.get(ext);
    if (type == null || path.contains("..") || path.contains("\\") || path.startsWith("/")) {
      web.sendError(ctx, 404, org.courtyard.core.i18n.Words.of("error.noSuchFile"));
      return;
    }
    ClassLoader loader;
    String resource;
    if ("core".equals(owner)) {
      loader = AssetRoutes.class.getClassLoader();
      resource = "assets/core/" + path;
    } else {
      var tool = tools.tool(owner).orElse(null);
      if (tool == null) {
        web.sendError(ctx, 404, org.courtyard.core.i18n.Words.of("error.noSuchFile"));
        return;
      }
      loader = tool.loader();
      resource = "static/" + path;
    }
    vertx.executeBlocking(() -> {
      try (InputStream in = loader.getResourceAsStream(resource)) {
        return in == null ? null : Buffer.buffer(in.readAllBytes());
      }
    }, false).onComplete(ar -> {
      if (ar.failed() || ar.result() == null) {
        web.sendError(ctx, 404, org.courtyard.core.i18n.Words.of("error.noSuchFile"));
        return;
      }
      ctx.response().putHeader("Content-Type", type).putHeader("Cache-Control", "public, max-age=3600");
      if (ext.equals("svg")) ctx.response().putHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
      ctx.response().end(ar.result());
    });
  }

  private void theme(RoutingContext ctx) {
    String file = ctx.pathParam("file");
    if (!file.matches("[0-9]{1,18}\\.css")) {
      web.sendError(ctx, 404, org.courtyard.core.i18n.Words.of("error.noSuchFile"));
      return;
    }
    long school = Long.parseLong(file.substring(0, file.length() - 4));
    vertx.executeBlocking(() -> schools.branding(school), false).onComplete(ar -> {
      if (ar.failed()) {
        web.sendError(ctx, 404, org.courtyard.core.i18n.Words.of("error.noSuchFile"));
        return;
      }
      SchoolStore.Branding b = ar.result();
      // Colours are validated as #rrggbb when saved, so they are safe to write into CSS.
      String css = ":root{--primary:" + b.primaryColour() + ";--accent:" + b.accentColour() + ";}\n";
      ctx.response().putHeader("Content-Type", "text/css; charset=utf-8").putHeader("Cache-Control", "no-cache").end(css);
    });
  }

  private void logo(RoutingContext ctx) {
    String id = ctx.pathParam("school");
    if (!id.matches("[0-9]{1,18}")) {
      web.sendError(ctx, 404, org.courtyard.core.i18n.Words.of("error.noSuchFile"));
      return;
    }
    vertx.executeBlocking(() -> {
      String key = schools.branding(Long.parseLong(id)).logoKey();
      return key == null ? null : files.path(key).orElse(null);
    }, false).onComplete(ar -> {
      if (ar.failed() || ar.result() == null) {
        web.sendError(ctx, 404, org.courtyard.core.i18n.Words.of("error.noLogo"));
        return;
      }
      String type = sniffImage(ar.result());
      if (type == null) {
        web.sendError(ctx, 404, org.courtyard.core.i18n.Words.of("error.noLogo"));
        return;
      }
      ctx.response().putHeader("Content-Type", type).putHeader("Cache-Control", "public, max-age=300").sendFile(ar.result().toString());
    });
  }

  /** The image type from the file's first bytes, or null for anything else. */
  public static String sniffImage(java.nio.file.Path p) {
    try (InputStream in = java.nio.file.Files.newInputStream(p)) {
      byte[] h = in.readNBytes(12);
      if (h.length >= 8 && (h[0] & 0xff) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G') return "image/png";
      if (h.length >= 3 && (h[0] & 0xff) == 0xff && (h[1] & 0xff) == 0xd8 && (h[2] & 0xff) == 0xff) return "image/jpeg";
      if (h.length >= 6 && h[0] == 'G' && h[1] == 'I' && h[2] == 'F') return "image/gif";
      if (h.length >= 12 && h[0] == 'R' && h[1] == 'I' && h[2] == 'F' && h[3] == 'F' && h[8] == 'W' && h[9] == 'E' && h[10] == 'B' && h[11] == 'P') return "image/webp";
      return null;
    } catch (IOException e) {
      return null;
    }
  }
}
