package org.caseregistry.redcap;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.series.SeriesService;
import org.caseregistry.site.HospitalSite;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the REDCap pages share: the page's model, the checks of an uploaded file, and the upload
 * that waits in the session between its dry run and its apply or commit.
 */
@Component
class RedcapPages {

  static final String PAGE = "redcap/page";

  /** Rows of each table a result page shows; the counts above them say how many there are. */
  static final int SHOWN = 1000;

  /** An upload waiting in the session, known by its token and its series. */
  interface Pending extends Serializable {
    String token();

    long seriesId();
  }

  private final RedcapService redcapService;
  private final SeriesService seriesService;

  RedcapPages(RedcapService redcapService, SeriesService seriesService) {
    this.redcapService = redcapService;
    this.seriesService = seriesService;
  }

  /** The series, its sites the account sees, and what the page offers to this account. */
  void prepare(long seriesId, Model model, CurrentAccount account) {
    CaseSeries series = seriesService.visible(seriesId, account);
    List<HospitalSite> sites =
        series.getSites().stream()
            .filter(site -> account.canSeeSite(site.getId()))
            .sorted(Comparator.comparing(HospitalSite::getCode))
            .toList();
    model.addAttribute("series", series);
    model.addAttribute("sites", sites);
    model.addAttribute("canUpload", RedcapService.canUpload(account));
    model.addAttribute("formVersion", redcapService.currentVersion(seriesId, account));
    model.addAttribute("shown", SHOWN);
  }

  /**
   * The upload waiting under {@code key}, taken out of the session; null when there is none, or it
   * is another one (an older page's token, another series).
   */
  static <T extends Pending> T take(
      HttpSession session, String key, Class<T> type, String token, long seriesId) {
    Object waiting = session.getAttribute(key);
    if (!type.isInstance(waiting)) {
      return null;
    }
    T pending = type.cast(waiting);
    if (!pending.token().equals(token) || pending.seriesId() != seriesId) {
      return null;
    }
    session.removeAttribute(key);
    return pending;
  }

  static String uploadError(MultipartFile file, long maxBytes) {
    if (file == null || file.isEmpty()) {
      return "redcap.file.none";
    }
    if (file.getSize() > maxBytes) {
      return "redcap.file.too-large";
    }
    return null;
  }

  static String fileName(MultipartFile file) {
    String name = file.getOriginalFilename();
    if (name == null || name.isBlank()) {
      return "upload.csv";
    }
    name = name.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    return name.length() > 200 ? name.substring(0, 200) : name;
  }
}
