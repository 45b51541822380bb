package org.caseregistry.dashboard;

import java.util.ArrayList;
import java.util.List;
import org.caseregistry.complication.EccgSeverityType;
import org.caseregistry.dashboard.DashboardData.Complications;
import org.caseregistry.dashboard.DashboardView.KeyFigure;
import org.caseregistry.dashboard.DashboardView.Panel;
import org.caseregistry.dashboard.DashboardView.Table;

/**
 * The anastomotic leak rate among the cases with the postoperative course answered, with its Wilson
 * 95% interval, as a key figure and as a panel of figures (no chart) with leaks per type.
 */
final class LeakPresenter {

  private final PanelContext context;
  private final Complications complications;

  LeakPresenter(PanelContext context) {
    this.context = context;
    this.complications = context.data().complications();
  }

  private String value() {
    return context.msg(
        "dashboard.leak.value",
        complications.leakPatients(),
        complications.postopAnswered(),
        context.numbers().percent(complications.leakPatients(), complications.postopAnswered()));
  }

  private String interval() {
    if (complications.postopAnswered() == 0) {
      return context.msg("dashboard.leak.no-denominator");
    }
    WilsonInterval interval =
        WilsonInterval.of(complications.leakPatients(), complications.postopAnswered());
    return context.msg(
        "dashboard.leak.ci",
        context.numbers().decimal(100 * interval.lower(), 1) + "%",
        context.numbers().decimal(100 * interval.upper(), 1) + "%");
  }

  KeyFigure figure() {
    return new KeyFigure("figure-leak", context.msg("dashboard.leak.title"), value(), interval());
  }

  Panel panel() {
    List<List<String>> rows = new ArrayList<>();
    for (EccgSeverityType type : EccgSeverityType.values()) {
      rows.add(
          List.of(
              context.msg(type.messageKey()),
              context.numbers().integer(complications.leaksByType().getOrDefault(type.name(), 0))));
    }
    rows.add(
        List.of(
            context.msg("dashboard.leak.type-not-recorded"),
            context.numbers().integer(complications.leaksByType().getOrDefault("", 0))));
    Table table =
        new Table(
            context.msg("dashboard.leak.title"),
            List.of(context.msg("dashboard.leak.type"), context.msg("dashboard.leak.leaks")),
            rows);
    return new Panel(
        "anastomotic-leak",
        context.msg("dashboard.leak.title"),
        null,
        value() + "; " + interval(),
        List.of(table),
        List.of(
            context.msg(
                "dashboard.leak.denominator",
                complications.postopAnswered(),
                context.data().cases())));
  }
}
