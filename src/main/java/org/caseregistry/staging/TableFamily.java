package org.caseregistry.staging;

/** The two families of AJCC 8th edition esophageal stage tables. */
public enum TableFamily {
  SQUAMOUS,
  ADENOCARCINOMA
}
