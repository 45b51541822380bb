package org.caseregistry.report;

import java.util.Locale;
import org.caseregistry.catalog.CodeOption;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/** The message bundles as report {@link Labels}, in the language of the request. */
@Component
class ReportLabels {

  private final MessageSource messages;

  ReportLabels(MessageSource messages) {
    this.messages = messages;
  }

  Labels in(Locale locale) {
    return new Labels() {
      @Override
      public String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
      }

      @Override
      public String code(CodeOption option) {
        return option.literalLabel() != null
            ? option.literalLabel()
            : messages.getMessage(option.labelKey(), null, option.code(), locale);
      }

      @Override
      public boolean vietnamese() {
        return locale != null && "vi".equals(locale.getLanguage());
      }

      @Override
      public String firstOf(String fallback, String... keys) {
        return messages.getMessage(new DefaultMessageSourceResolvable(keys, fallback), locale);
      }
    };
  }
}
