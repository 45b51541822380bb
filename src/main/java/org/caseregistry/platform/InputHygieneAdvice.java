package org.caseregistry.platform;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Refuses text holding control characters (other than tab and line breaks) in every form: the field
 * shows "not a valid value" instead of the database refusing the save with an error page.
 */
@ControllerAdvice
class InputHygieneAdvice {

  @InitBinder
  void refuseControlCharacters(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new ControlCharacterRejectingEditor());
  }

  static final class ControlCharacterRejectingEditor extends PropertyEditorSupport {
    @Override
    public void setAsText(String text) {
      if (TextHygiene.hasControlCharacters(text)) {
        throw new IllegalArgumentException("Control characters are not allowed");
      }
      setValue(text);
    }
  }
}
