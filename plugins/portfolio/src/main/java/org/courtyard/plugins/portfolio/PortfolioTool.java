package org.courtyard.plugins.portfolio;

import org.courtyard.api.SpaceKind;
import org.courtyard.api.Tool;
import org.courtyard.api.ToolBinder;
import org.courtyard.api.ToolInfo;
import org.pf4j.Extension;

/**
 * The learner's e-portfolio, in their personal space. Everyone in the school reaches its pages
 * (school-wide capabilities); {@link Audience} then decides, collection by collection, who sees what.
 */
@Extension
public final class PortfolioTool implements Tool {
  @Override
  public ToolInfo info() {
    return ToolInfo.of("portfolio", "Portfolio", "My best work, shown to the people I choose").icon("🗂")
        .suits(SpaceKind.PERSONAL)
        .schoolCapability("view", "See the collections the learner has opened to you", true)
        .schoolCapability("contribute", "Add work, comment where allowed; teachers manage young learners' portfolios", false);
  }

  @Override
  public void install(ToolBinder tool) {
    tool.migrations("db/portfolio");
    tool.routes(PortfolioRoutes.class);
    tool.routes(ExchangeRoutes.class);
  }
}
