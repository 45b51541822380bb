package org.caseregistry.series;

import java.util.List;

/**
 * What a page of a series shows of it besides its own content: title, description, the demo mark
 * and its sites (id and code, by code). Read in one statement without the entity (the case list
 * asks for it on every request; see {@link SeriesHeaders}).
 */
public record SeriesHeader(
    long id, String title, String description, boolean demo, List<Site> sites) {

  /** A site of the series. */
  public record Site(long id, String code) {}
}
