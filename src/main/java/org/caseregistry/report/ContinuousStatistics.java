package org.caseregistry.report;

import java.math.BigDecimal;

/**
 * What a continuous variable's column shows: how many values, mean and sample SD, median and
 * quartiles (type 7), range. The statistics are null where they cannot be computed (no values; SD
 * with one value).
 */
record ContinuousStatistics(
    long n,
    BigDecimal mean,
    BigDecimal sd,
    BigDecimal median,
    BigDecimal q1,
    BigDecimal q3,
    BigDecimal min,
    BigDecimal max) {

  static final ContinuousStatistics EMPTY =
      new ContinuousStatistics(0, null, null, null, null, null, null, null);
}
