package org.caseregistry.testing.browser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a browser fetched, read from Chrome's DevTools performance log (Network domain): every
 * request with the bytes that came over the wire (headers and compressed body), and the page loads
 * (top-level documents; a redirect and the page it leads to are one load).
 */
public final class NetworkLog {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One request: its URL, resource type (Document, Stylesheet, Script, Image …) and bytes. */
  public record Request(String url, String type, long bytes, boolean fromCache) {}

  private final List<Request> requests;
  private final List<String> pageLoads;

  private NetworkLog(List<Request> requests, List<String> pageLoads) {
    this.requests = requests;
    this.pageLoads = pageLoads;
  }

  /** Reads (and so empties) the performance log of a browser started with the log on. */
  static NetworkLog read(WebDriver driver) {
    Map<String, String> urls = new HashMap<>();
    Map<String, String> types = new HashMap<>();
    Map<String, Long> bytes = new HashMap<>();
    Set<String> cached = new LinkedHashSet<>();
    Set<String> order = new LinkedHashSet<>();
    List<String> pageLoads = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get("performance")) {
      JsonNode message = JSON.readTree(entry.getMessage()).path("message");
      String method = message.path("method").asString("");
      JsonNode params = message.path("params");
      String id = params.path("requestId").asString("");
      switch (method) {
        case "Network.requestWillBeSent" -> {
          order.add(id);
          urls.put(id, params.path("request").path("url").asString(""));
          String type = params.path("type").asString("");
          types.put(id, type);
          boolean topLevel = params.path("requestId").asString("").equals(loaderOf(params));
          if ("Document".equals(type) && topLevel && !params.has("redirectResponse")) {
            pageLoads.add(params.path("request").path("url").asString(""));
          }
        }
        case "Network.requestServedFromCache" -> cached.add(id);
        case "Network.loadingFinished" ->
            bytes.merge(id, params.path("encodedDataLength").asLong(0), Long::sum);
        default -> {}
      }
    }
    List<Request> requests = new ArrayList<>();
    for (String id : order) {
      requests.add(
          new Request(
              urls.get(id), types.get(id), bytes.getOrDefault(id, 0L), cached.contains(id)));
    }
    return new NetworkLog(requests, pageLoads);
  }

  /** A top-level document's request id equals its loader id (Chrome's convention). */
  private static String loaderOf(JsonNode params) {
    return params.path("loaderId").asString("");
  }

  public List<Request> requests() {
    return requests;
  }

  /** The URLs of the page loads, in order. */
  public List<String> pageLoads() {
    return pageLoads;
  }

  /** Bytes that came over the network for every request (zero for what the cache answered). */
  public long bytesTransferred() {
    return requests.stream().mapToLong(Request::bytes).sum();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (Request request : requests) {
      text.append(
          String.format(
              "%8d %-10s %s%s%n",
              request.bytes(),
              request.type(),
              request.fromCache() ? "(cache) " : "",
              request.url()));
    }
    return text.append(String.format("%8d total%n", bytesTransferred())).toString();
  }
}
