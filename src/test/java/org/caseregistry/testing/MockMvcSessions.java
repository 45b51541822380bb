package org.caseregistry.testing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.web.util.WebUtils;

/**
 * MockMvc tests carry a session from one request to the next as a {@code MockHttpSession}, not as a
 * cookie. The application keeps its sessions in PostgreSQL (Spring Session JDBC), found by the
 * session cookie; this resolver lets a MockMvc request find its JDBC session through the mock
 * session instead, so those tests exercise the real session store. Requests over real HTTP use the
 * cookie exactly as the application does.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MockMvcSessions {

  @Bean
  HttpSessionIdResolver httpSessionIdResolver(ObjectProvider<CookieSerializer> serializer) {
    CookieHttpSessionIdResolver cookies = new CookieHttpSessionIdResolver();
    serializer.ifAvailable(cookies::setCookieSerializer);
    return new ThroughMockSession(cookies);
  }

  private record ThroughMockSession(HttpSessionIdResolver cookies)
      implements HttpSessionIdResolver {

    private static final String ID = MockMvcSessions.class.getName() + ".id";

    @Override
    public List<String> resolveSessionIds(HttpServletRequest request) {
      MockHttpServletRequest mock = mock(request);
      if (mock == null) {
        return cookies.resolveSessionIds(request);
      }
      HttpSession session = mock.getSession(false);
      Object id = session == null ? null : session.getAttribute(ID);
      return id == null ? List.of() : List.of((String) id);
    }

    @Override
    public void setSessionId(
        HttpServletRequest request, HttpServletResponse response, String sessionId) {
      MockHttpServletRequest mock = mock(request);
      if (mock == null) {
        cookies.setSessionId(request, response, sessionId);
      } else {
        mock.getSession().setAttribute(ID, sessionId);
      }
    }

    @Override
    public void expireSession(HttpServletRequest request, HttpServletResponse response) {
      MockHttpServletRequest mock = mock(request);
      if (mock == null) {
        cookies.expireSession(request, response);
      } else if (mock.getSession(false) != null) {
        mock.getSession(false).removeAttribute(ID);
      }
    }

    private static MockHttpServletRequest mock(HttpServletRequest request) {
      return WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
    }
  }
}
