package org.caseregistry.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client over real HTTP with one cookie jar for every port of localhost, as a browser behind a
 * load balancer has: the session cookie one instance sets goes to the other. Redirects are not
 * followed, so that tests see where they lead.
 */
public final class HttpBrowser {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final HttpClient client;

  public HttpBrowser() {
    CookieManager cookies = new CookieManager();
    cookies.setCookiePolicy(CookiePolicy.ACCEPT_ALL);
    client =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  public HttpResponse<String> get(int port, String path) {
    return send(HttpRequest.newBuilder(uri(port, path)).GET());
  }

  /** A form post; the CSRF token is the caller's to include. */
  public HttpResponse<String> post(int port, String path, List<Map.Entry<String, String>> fields) {
    StringBuilder body = new StringBuilder();
    for (Map.Entry<String, String> field : fields) {
      if (!body.isEmpty()) {
        body.append('&');
      }
      body.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
    }
    return send(
        HttpRequest.newBuilder(uri(port, path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /** A multipart post of form fields and one file. */
  public HttpResponse<String> upload(
      int port,
      String path,
      Map<String, String> fields,
      String fileField,
      String fileName,
      byte[] file) {
    String boundary = "----registry" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      write(body, "--" + boundary + "\r\n");
      write(body, "Content-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n");
      write(body, field.getValue() + "\r\n");
    }
    write(body, "--" + boundary + "\r\n");
    write(
        body,
        "Content-Disposition: form-data; name=\""
            + fileField
            + "\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    body.writeBytes(file);
    write(body, "\r\n--" + boundary + "--\r\n");
    return send(
        HttpRequest.newBuilder(uri(port, path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** The CSRF token of the first form of a page. */
  public static String csrf(HttpResponse<String> page) {
    return find(page.body(), CSRF);
  }

  /** The value of the first input named {@code name} on a page. */
  public static String input(HttpResponse<String> page, String name) {
    return find(
        page.body(), Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\""));
  }

  public static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElse("");
  }

  public static List<Map.Entry<String, String>> fields(String... namesAndValues) {
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
    }
    return fields;
  }

  private static String find(String html, Pattern pattern) {
    Matcher matcher = pattern.matcher(html);
    if (!matcher.find()) {
      throw new AssertionError("Not on the page: " + pattern + "\n" + html);
    }
    return matcher.group(1);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(
          request.timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static URI uri(int port, String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
