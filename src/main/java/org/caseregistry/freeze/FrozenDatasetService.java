package org.caseregistry.freeze;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.platform.NotFoundException;
import org.caseregistry.report.ReportSnapshot;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.series.SeriesService;
import org.caseregistry.site.HospitalSite;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Freezing, listing, downloading and withdrawing frozen datasets. Coordinators and admins (those
 * who may export) freeze and see them; a frozen dataset covers the sites its author could see, and
 * only an account that sees every one of those sites may open it.
 */
@Service
class FrozenDatasetService {

  static final int NAME_MAX = 200;
  static final int REASON_MAX = 500;

  private final ReportSnapshot snapshots;
  private final FrozenDatasetStore store;
  private final SeriesService seriesService;

  FrozenDatasetService(
      ReportSnapshot snapshots, FrozenDatasetStore store, SeriesService seriesService) {
    this.snapshots = snapshots;
    this.store = store;
    this.seriesService = seriesService;
  }

  /** Frozen, or the message key of what is wrong with the name. */
  record Outcome(Long id, String problem) {}

  private static void requireAccess(CurrentAccount account) {
    if (!ReportSnapshot.canSnapshot(account)) {
      throw new AccessDeniedException("Only coordinators and admins freeze datasets");
    }
  }

  CaseSeries series(long seriesId, CurrentAccount account) {
    requireAccess(account);
    return seriesService.visible(seriesId, account);
  }

  /**
   * Takes the snapshot (its own repeatable-read transaction), then stores it whole in another; a
   * name already used in the series is refused before anything is read.
   */
  Outcome freeze(long seriesId, String name, CurrentAccount account, Locale locale) {
    CaseSeries series = series(seriesId, account);
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty()) {
      return new Outcome(null, "freeze.name.required");
    }
    if (clean.length() > NAME_MAX) {
      return new Outcome(null, "freeze.name.too-long");
    }
    if (store.nameTaken(seriesId, clean)) {
      return new Outcome(null, "freeze.name.taken");
    }
    Set<Long> siteIds =
        series.getSites().stream()
            .map(HospitalSite::getId)
            .filter(account::canSeeSite)
            .collect(Collectors.toSet());
    ReportSnapshot.Snapshot snapshot = snapshots.take(series, account, locale);
    List<FrozenDatasetStore.NewFile> files =
        snapshot.files().stream()
            .map(file -> new FrozenDatasetStore.NewFile(file, sha256(file.content())))
            .toList();
    long id = store.insert(seriesId, clean, siteIds, account.username(), files, snapshot.cases());
    return new Outcome(id, null);
  }

  List<FrozenDataset> list(long seriesId, CurrentAccount account) {
    series(seriesId, account);
    return store.ofSeries(seriesId).stream().filter(d -> mayOpen(d, account)).toList();
  }

  FrozenDataset get(long seriesId, long id, CurrentAccount account) {
    series(seriesId, account);
    FrozenDataset dataset = store.find(id).orElseThrow(NotFoundException::new);
    if (dataset.seriesId() != seriesId || !mayOpen(dataset, account)) {
      throw new NotFoundException();
    }
    return dataset;
  }

  byte[] content(long seriesId, long id, String fileName, CurrentAccount account) {
    get(seriesId, id, account);
    return store.content(id, fileName).orElseThrow(NotFoundException::new);
  }

  /** Null when withdrawn, else the message key of the problem. */
  String withdraw(long seriesId, long id, String reason, CurrentAccount account) {
    FrozenDataset dataset = get(seriesId, id, account);
    String clean = reason == null ? "" : reason.strip();
    if (clean.isEmpty() || clean.length() > REASON_MAX) {
      return "freeze.withdraw.reason-required";
    }
    if (dataset.withdrawn() || !store.withdraw(id, clean, account.username())) {
      return "freeze.withdraw.already";
    }
    return null;
  }

  private static boolean mayOpen(FrozenDataset dataset, CurrentAccount account) {
    return account.isAdmin() || account.siteIds().containsAll(dataset.siteIds());
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
