package org.caseregistry.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

/** Requests to the running server, as a browser behind (or without) a reverse proxy sends them. */
final class TransportHeaders {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private TransportHeaders() {}

  static HttpResponse<String> get(int port, String path, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(port, path)));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return CLIENT.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(int port, String path, String form, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(port, path)))
            .header("Content-Type", "application/x-www-form-urlencoded");
    if (headers.length > 0) {
      request.headers(headers);
    }
    return CLIENT.send(
        request.POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String url(int port, String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** The session cookie the response sets, with its attributes. */
  static Optional<String> sessionCookie(HttpResponse<?> response) {
    List<String> cookies = response.headers().allValues("Set-Cookie");
    return cookies.stream().filter(cookie -> cookie.startsWith("JSESSIONID=")).findFirst();
  }
}
