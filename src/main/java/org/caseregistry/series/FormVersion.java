package org.caseregistry.series;

import java.time.Instant;
import java.util.List;
import org.caseregistry.form.FormChanges;
import org.caseregistry.form.FormDefinition;

/** One saved version of a series' form: who saved it, when, and what changed. */
public record FormVersion(
    long seriesId,
    int version,
    FormDefinition definition,
    List<FormChanges.Change> changes,
    String createdBy,
    Instant createdAt) {}
