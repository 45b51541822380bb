package org.caseregistry.staging;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One stage table for M0, as data: rows in the order domain.md prints them, the first row that
 * matches wins. Rows name only categories the table distinguishes (T1a, never T1).
 */
record StageTable(String name, List<Row> rows) {

  StageTable {
    rows = List.copyOf(rows);
  }

  Optional<StageGroup> lookup(TCategory t, NCategory n, Grade grade, TumourLocation location) {
    return rows.stream()
        .filter(row -> row.matches(t, n, grade, location))
        .map(Row::stage)
        .findFirst();
  }

  record Row(
      Set<TCategory> t,
      Set<NCategory> n,
      Set<Grade> grades,
      Set<TumourLocation> locations,
      StageGroup stage) {

    Row {
      t = Set.copyOf(t);
      n = Set.copyOf(n);
      grades = Set.copyOf(grades);
      locations = Set.copyOf(locations);
    }

    boolean matches(TCategory t, NCategory n, Grade grade, TumourLocation location) {
      return this.t.contains(t)
          && this.n.contains(n)
          && grades.contains(grade)
          && locations.contains(location);
    }
  }
}
