package org.courtyard.core.web.routes;

import java.util.HashMap;
import java.util.Map;
import org.courtyard.api.Setting;
import org.courtyard.core.web.WebRequest;

/** How a declared tool setting is drawn on a form and read back, for the school's and a space's settings pages alike. */
final class SettingFields {
  private SettingFields() {}

  /** What a settings form needs to draw one declared setting: its kind of input, label, help and value. */
  static Map<String, Object> field(Setting<?> s, String value) {
    Map<String, Object> f = new HashMap<>();
    f.put("key", s.key());
    f.put("label", s.label());
    f.put("help", s.help());
    f.put("value", value);
    f.put("text", s.type() == Setting.Type.TEXT);
    f.put("number", s.type() == Setting.Type.NUMBER);
    f.put("flag", s.type() == Setting.Type.FLAG);
    f.put("choice", s.type() == Setting.Type.CHOICE);
    f.put("choices", s.choices().stream().map(c -> Map.of("value", c.value(), "label", c.label())).toList());
    return f;
  }

  /** As {@link #field(Setting, String)}, with the tool's label, help and choices in the reader's language. */
  static Map<String, Object> field(org.courtyard.core.plugins.ToolRegistry.ActiveTool tool, String language, Setting<?> s, String value) {
    Map<String, Object> f = field(s, value);
    f.put("label", org.courtyard.core.plugins.ToolTexts.setting(tool, language, s));
    f.put("help", org.courtyard.core.plugins.ToolTexts.settingHelp(tool, language, s));
    f.put("choices", s.choices().stream().map(c -> Map.of("value", c.value(),
        "label", org.courtyard.core.plugins.ToolTexts.choice(tool, language, s, c))).toList());
    return f;
  }

  /** A submitted value for a declared setting: a checkbox sends "true" after its hidden "false". */
  static String submitted(WebRequest req, Setting<?> s, String field) {
    return s.type() == Setting.Type.FLAG ? Boolean.toString(req.formAll(field).contains("true")) : req.form(field);
  }
}
