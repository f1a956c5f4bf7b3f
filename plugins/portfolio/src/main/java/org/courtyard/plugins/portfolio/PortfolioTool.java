package org.courtyard.plugins.portfolio;

import java.time.Duration;
import org.courtyard.api.CapabilityKey;
import org.courtyard.api.Setting;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.Tool;
import org.courtyard.api.ToolBinder;
import org.courtyard.api.ToolInfo;
import org.courtyard.api.job.Schedule;
import org.pf4j.Extension;

/**
 * The learner's e-portfolio, in their personal space. Everyone in the school reaches its pages
 * (school-wide capabilities); {@link Audience} then decides, collection by collection, who sees what.
 */
@Extension
public final class PortfolioTool implements Tool {
  static final CapabilityKey VIEW = CapabilityKey.school("view", "See the collections the learner has opened to you", true);
  static final CapabilityKey CONTRIBUTE = CapabilityKey.school("contribute",
      "Add work, comment where allowed; teachers manage young learners' portfolios", false);
  static final Setting<Long> MAX_FILE_MB = Setting.number("max-file-mb", "Largest photo, recording, video or document in a portfolio (MB)", 50)
      .help("Also the largest file a LEAP2A package may bring in. The server's own upload limit still applies.");

  /** The kinds of notification the portfolio sends (each person chooses how each reaches them). */
  static final String KIND_COMMENT = "comment";
  static final String KIND_TEACHER_COMMENT = "teacher-comment";

  @Override
  public ToolInfo info() {
    return ToolInfo.of("portfolio", "Portfolio", "My best work, shown to the people I choose").icon("🗂")
        .suits(SpaceKind.PERSONAL)
        .capabilities(VIEW, CONTRIBUTE)
        .setting(MAX_FILE_MB)
        .notification(KIND_COMMENT, "A comment on your collection")
        .notification(KIND_TEACHER_COMMENT, "A teacher's comment on your child's work");
  }

  @Override
  public void install(ToolBinder tool) {
    tool.migrations("db/portfolio");
    tool.routes(PortfolioRoutes.class);
    tool.routes(ExchangeRoutes.class);
    tool.job("clear-old-downloads", Schedule.every(Duration.ofMinutes(15)), Downloads.ClearOld.class);
    tool.personalData(PortfolioData.class);
    tool.agenda(PortfolioAgenda.class);
  }
}
