package org.courtyard.core.plugins;

import org.courtyard.api.Setting;
import org.courtyard.core.i18n.MessageBundle;

/**
 * What a tool declares in English in code (its title and description, capabilities, settings, menu
 * entries), in the reader's language when the tool's bundle has it under the conventional key —
 * {@code <tool>.tool.title}, {@code <tool>.tool.description}, {@code <tool>.capability.<name>},
 * {@code <tool>.setting.<key>}, {@code <tool>.setting.<key>.help}, {@code <tool>.setting.<key>.<choice>},
 * {@code <tool>.menu.<path>} ({@code index} for "/") — and as declared otherwise. The declaration stays
 * the one source for the catalogue and for tools without messages.
 */
public final class ToolTexts {
  private ToolTexts() {}

  public static String title(ToolRegistry.ActiveTool tool, String language) {
    return declared(tool, language, tool.id() + ".tool.title", tool.info().title());
  }

  /** A kind of notification the tool sends, for a person's choice: {@code <tool>.notify.kind.<kind>}. */
  public static String notificationKind(ToolRegistry.ActiveTool tool, String language, org.courtyard.api.NotificationKind kind) {
    return declared(tool, language, tool.id() + ".notify.kind." + kind.kind(), kind.description());
  }

  public static String description(ToolRegistry.ActiveTool tool, String language) {
    return declared(tool, language, tool.id() + ".tool.description", tool.info().description());
  }

  /** A capability's description; {@code localName} without the tool's prefix. */
  public static String capability(ToolRegistry.ActiveTool tool, String language, String localName, String english) {
    return declared(tool, language, tool.id() + ".capability." + localName, english);
  }

  public static String setting(ToolRegistry.ActiveTool tool, String language, Setting<?> setting) {
    return declared(tool, language, tool.id() + ".setting." + setting.key(), setting.label());
  }

  public static String settingHelp(ToolRegistry.ActiveTool tool, String language, Setting<?> setting) {
    return setting.help() == null ? null : declared(tool, language, tool.id() + ".setting." + setting.key() + ".help", setting.help());
  }

  public static String choice(ToolRegistry.ActiveTool tool, String language, Setting<?> setting, Setting.Choice choice) {
    return declared(tool, language, tool.id() + ".setting." + setting.key() + "." + choice.value(), choice.label());
  }

  public static String menu(ToolRegistry.ActiveTool tool, String language, ToolRegistry.MenuEntry entry) {
    String path = entry.path().replaceAll("^/+", "");
    return declared(tool, language, tool.id() + ".menu." + (path.isEmpty() ? "index" : path), entry.label());
  }

  /** A widget's title: {@code <tool>.widget.<name>}. */
  public static String widget(ToolRegistry.ActiveTool tool, String language, ToolRegistry.WidgetEntry widget) {
    return declared(tool, language, tool.id() + ".widget." + widget.name(), widget.title());
  }

  private static String declared(ToolRegistry.ActiveTool tool, String language, String key, String english) {
    MessageBundle b = tool.templates() == null ? null : tool.templates().bundle();
    if (b == null) return english;
    String words = b.pattern(language == null ? "en" : language, key);
    return words != null ? org.courtyard.core.i18n.Messages.plain(words) : english;
  }
}
