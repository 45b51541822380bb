package org.caseregistry.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.FormRules;
import org.caseregistry.platform.EditConflictException;
import org.caseregistry.series.FormService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A series' form as JSON: the built-in modules it switches on and its custom sections and fields.
 * Everyone of the series' sites reads it; its coordinators and admins replace it, as a new version
 * checked like an edit on the page (destructive changes refused with the cases they touch).
 */
@RestController
@RequestMapping(path = "/api/v1/series/{seriesId}/form")
@Tag(name = "Series")
class SeriesFormApiController {

  private final FormService formService;
  private final ApiMessages messages;

  SeriesFormApiController(FormService formService, ApiMessages messages) {
    this.formService = formService;
    this.messages = messages;
  }

  /** A form and the version it is (0: the esophagectomy form every series had before forms). */
  record FormJson(int version, FormDefinition form) {}

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The series' current form and its version")
  FormJson get(@PathVariable long seriesId, CurrentAccount account) {
    FormDefinition form = formService.current(seriesId, account);
    return new FormJson(formService.currentVersion(seriesId), form);
  }

  @PutMapping(
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Refusals({409, 422})
  @Operation(
      summary = "Replace the series' form (coordinators of the series and admins)",
      description =
          "Give the version read; 409 when someone else saved first. 422 lists every problem by"
              + " its place in the form (e.g. sections[0].fields[2].name), and refuses a change"
              + " that would orphan stored values unless the field or code is retired.")
  ResponseEntity<FormJson> put(
      @PathVariable long seriesId, @RequestBody FormJson body, CurrentAccount account) {
    if (body == null || body.form() == null) {
      throw ApiRequestException.badRequest(
          List.of(new FieldErrorJson("form", "required", "Required: the form and its version.")));
    }
    FormService.SaveOutcome outcome;
    try {
      outcome = formService.save(seriesId, body.form(), body.version(), account);
    } catch (EditConflictException conflict) {
      throw new ApiRequestException(
          HttpStatus.CONFLICT, "The form changed since version " + body.version() + ".");
    }
    if (!outcome.saved()) {
      throw ApiRequestException.invalid(outcome.problems().stream().map(this::error).toList());
    }
    return ResponseEntity.ok(new FormJson(outcome.version(), formService.current(seriesId)));
  }

  private FieldErrorJson error(FormRules.Problem problem) {
    return new FieldErrorJson(
        problem.path(),
        problem.messageKey(),
        messages.text(problem.messageKey(), problem.arguments()));
  }
}
