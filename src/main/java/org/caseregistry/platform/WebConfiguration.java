package org.caseregistry.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Language (English or Vietnamese, switched with ?lang=) and the clock. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("registry-lang");
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setDefaultLocaleFunction(
        request -> {
          Locale requested = request.getLocale();
          return requested != null && "vi".equals(requested.getLanguage())
              ? new Locale("vi")
              : Locale.ENGLISH;
        });
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
    interceptor.setParamName("lang");
    interceptor.setIgnoreInvalidLocale(true);
    registry.addInterceptor(interceptor);
  }
}
