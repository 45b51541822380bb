package org.caseregistry.series;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Series headers in one statement. Loading the entity with its sites cost the case list about an
 * eighth of its CPU time per request (Hibernate's query, result and entity set-up for a series of
 * twenty sites), for four fields and the sites' codes.
 */
@Repository
class SeriesHeaders {

  private static final String SQL =
      "select s.id, s.title, s.description, s.demo,"
          + " array_remove(array_agg(h.id order by h.code collate \"C\"), null) as site_ids,"
          + " array_remove(array_agg(h.code order by h.code collate \"C\"), null) as site_codes"
          + " from case_series s"
          + " left join case_series_site ss on ss.series_id = s.id"
          + " left join hospital_site h on h.id = ss.site_id"
          + " where s.id = ? group by s.id";

  private final JdbcTemplate jdbc;

  SeriesHeaders(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<SeriesHeader> find(long id) {
    return jdbc.query(SQL, (rs, n) -> header(rs), id).stream().findFirst();
  }

  private static SeriesHeader header(ResultSet rs) throws SQLException {
    Long[] ids = longs(rs.getArray("site_ids"));
    String[] codes = strings(rs.getArray("site_codes"));
    List<SeriesHeader.Site> sites = new ArrayList<>(ids.length);
    for (int i = 0; i < ids.length; i++) {
      sites.add(new SeriesHeader.Site(ids[i], codes[i]));
    }
    return new SeriesHeader(
        rs.getLong("id"),
        rs.getString("title"),
        rs.getString("description"),
        rs.getBoolean("demo"),
        List.copyOf(sites));
  }

  private static Long[] longs(Array array) throws SQLException {
    return (Long[]) array.getArray();
  }

  private static String[] strings(Array array) throws SQLException {
    return (String[]) array.getArray();
  }
}
