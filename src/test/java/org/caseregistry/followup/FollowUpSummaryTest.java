package org.caseregistry.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.caseregistry.followup.FollowUpSummary.Visit;
import org.junit.jupiter.api.Test;

class FollowUpSummaryTest {

  private static final LocalDate OPERATION = LocalDate.of(2022, 3, 1);

  @Test
  void visitsAreTimedByTheirDateElseByTheirMonth() {
    FollowUpSummary summary =
        FollowUpSummary.of(
            OPERATION,
            List.of(new Visit(1, LocalDate.of(2022, 4, 5), "WELL"), new Visit(3, null, "REFLUX")));
    assertThat(summary.start()).isEqualTo(OPERATION);
    assertThat(summary.lastSeenDays()).isEqualTo(3 * 30.4375);
    assertThat(summary.status(VisitWindow.MONTH_1)).isEqualTo("WELL");
    assertThat(summary.status(VisitWindow.MONTH_3)).isEqualTo("REFLUX");
    assertThat(summary.status(VisitWindow.MONTH_6)).isNull();
    assertThat(summary.deathDays()).isNull();
    assertThat(summary.relapseDays()).isNull();
  }

  @Test
  void withoutAnOperationDateTheMonthGivesTheTime() {
    FollowUpSummary summary =
        FollowUpSummary.of(null, List.of(new Visit(6, LocalDate.of(2022, 9, 1), "WELL")));
    assertThat(summary.lastSeenDays()).isEqualTo(6 * 30.4375);
    assertThat(summary.status(VisitWindow.MONTH_6)).isEqualTo("WELL");
  }

  @Test
  void visitsWithoutATimeOrBeforeTheOperationDoNotCount() {
    FollowUpSummary summary =
        FollowUpSummary.of(
            OPERATION,
            List.of(
                new Visit(null, null, "DIED"),
                new Visit(null, LocalDate.of(2022, 2, 20), "RECURRENCE")));
    assertThat(summary.lastSeenDays()).isNull();
    assertThat(summary.deathDays()).isNull();
    assertThat(summary.relapseDays()).isNull();
    assertThat(summary.statusByWindow()).isEmpty();
  }

  @Test
  void relapseIsTheFirstRecurrenceMetastasisOrDeathAndDeathTheFirstDeath() {
    FollowUpSummary summary =
        FollowUpSummary.of(
            OPERATION,
            List.of(
                new Visit(null, OPERATION.plusDays(400), "DIED"),
                new Visit(null, OPERATION.plusDays(200), "METASTASIS"),
                new Visit(null, OPERATION.plusDays(300), "RECURRENCE"),
                new Visit(null, OPERATION.plusDays(30), "WELL")));
    assertThat(summary.relapseDays()).isEqualTo(200.0);
    assertThat(summary.deathDays()).isEqualTo(400.0);
    assertThat(summary.lastSeenDays()).isEqualTo(400.0);
  }

  @Test
  void inAWindowADeathCountsFirstThenTheLatestVisitThenTheLaterStatus() {
    FollowUpSummary summary =
        FollowUpSummary.of(
            OPERATION,
            List.of(
                new Visit(null, OPERATION.plusDays(10), "DIED"),
                new Visit(null, OPERATION.plusDays(50), "WELL"),
                new Visit(null, OPERATION.plusDays(100), "REFLUX"),
                new Visit(null, OPERATION.plusDays(120), "WELL"),
                new Visit(null, OPERATION.plusDays(200), "WELL"),
                new Visit(null, OPERATION.plusDays(200), "DYSPHAGIA"),
                new Visit(null, OPERATION.plusDays(300), null)));
    assertThat(summary.status(VisitWindow.MONTH_1)).isEqualTo("DIED");
    assertThat(summary.status(VisitWindow.MONTH_3)).as("the latest visit").isEqualTo("WELL");
    assertThat(summary.status(VisitWindow.MONTH_6))
        .as("the later status at a tie")
        .isEqualTo("DYSPHAGIA");
    assertThat(summary.status(VisitWindow.MONTH_12)).as("no status").isEqualTo("UNKNOWN");
  }

  @Test
  void windowLimitsBelongToTheEarlierWindowAndTheOperationDayToTheFirst() {
    assertThat(VisitWindow.MONTH_1.contains(0)).isTrue();
    assertThat(VisitWindow.MONTH_1.contains(-0.5)).isFalse();
    assertThat(VisitWindow.MONTH_1.contains(60.875)).isTrue();
    assertThat(VisitWindow.MONTH_3.contains(60.875)).isFalse();
    assertThat(VisitWindow.MONTH_3.contains(61)).isTrue();
    assertThat(VisitWindow.MONTH_12.contains(547.875)).isTrue();
    assertThat(VisitWindow.MONTH_12.contains(548)).isFalse();
    assertThat(VisitWindow.MONTH_6.statusColumn()).isEqualTo("followup_month6_status");
  }
}
