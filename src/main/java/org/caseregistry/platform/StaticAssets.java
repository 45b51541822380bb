package org.caseregistry.platform;

/** Where the static assets are served: ours ({@code static/}) and the webjars'. */
public final class StaticAssets {

  private StaticAssets() {}

  /** Whether a path within the application (no context path) is a static asset's. */
  public static boolean isAsset(String path) {
    return path.startsWith("/webjars/")
        || path.startsWith("/css/")
        || path.startsWith("/js/")
        || path.startsWith("/images/")
        || path.equals("/favicon.ico");
  }
}
