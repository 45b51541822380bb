package org.caseregistry.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import java.util.TreeSet;
import org.caseregistry.account.CurrentAccount;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of {@code /api/**} (at {@code /v3/api-docs}, browsable at {@code
 * /swagger-ui.html}, both for signed-in accounts only), with its one way in: a bearer token.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static final String BEARER_TOKEN = "personal-api-token";

  private static final String PROBLEM = "Problem";

  /** What every endpoint may answer besides its success. */
  private static final int[] EVERY_ENDPOINT = {400, 401, 403, 404};

  private static final Map<Integer, String> REFUSALS =
      Map.of(
          400, "Malformed: not JSON, wrong types, unknown properties, bad paging (see errors)",
          401, "No token, an unknown or revoked one, or its account is deactivated",
          403, "Your role may not do this, or the case is withdrawn (read-only)",
          404, "No such record, or not one of your sites' (the same answer)",
          409, "Stale version in the body, or already done: nothing was overwritten",
          412, "Stale version in If-Match: nothing was overwritten",
          422, "Invalid values: errors by field (variable names for section values)",
          428, "No version given (body 'version' or If-Match)");

  static {
    // Handlers take the signed-in account as a parameter (CurrentAccountArgumentResolver): the
    // server fills it from the token, so it is not part of any request a client sends.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentAccount.class);
  }

  @Bean
  OpenAPI registryOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Case Registry REST API")
                .version("v1")
                .description(
                    "Case series, cases and their sections, with the same role and site rules as"
                        + " the registry's pages: a case of another site answers 404. Errors are"
                        + " RFC 9457 problems (application/problem+json); validation problems"
                        + " (422) list errors as {field, code, message}, fields named by their"
                        + " variable names. Writes of a section or list item are made against"
                        + " the version read (body 'version' or If-Match); a stale version"
                        + " answers 409 (body) or 412 (If-Match) and overwrites nothing.")
                .license(
                    new License()
                        .name("Apache License 2.0")
                        .url("https://www.apache.org/licenses/LICENSE-2.0")))
        .components(
            new Components()
                .addSchemas(PROBLEM, problemSchema())
                .addSecuritySchemes(
                    BEARER_TOKEN,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("crg_…")
                        .description(
                            "A personal API token, created on the page /account/tokens and"
                                + " sent as 'Authorization: Bearer crg_…'. It acts with its"
                                + " account's role and sites; revoked, or with its account"
                                + " deactivated, it answers 401.")))
        .addSecurityItem(new SecurityRequirement().addList(BEARER_TOKEN));
  }

  /** Adds every problem an endpoint may answer, as RFC 9457 problems. */
  @Bean
  OperationCustomizer problemResponses() {
    return (operation, handler) -> {
      TreeSet<Integer> statuses = new TreeSet<>();
      for (int status : EVERY_ENDPOINT) {
        statuses.add(status);
      }
      Refusals refusals = handler.getMethodAnnotation(Refusals.class);
      if (refusals != null) {
        for (int status : refusals.value()) {
          statuses.add(status);
        }
      }
      for (int status : statuses) {
        operation
            .getResponses()
            .addApiResponse(
                String.valueOf(status),
                new ApiResponse()
                    .description(REFUSALS.get(status))
                    .content(
                        new Content()
                            .addMediaType(
                                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                new MediaType()
                                    .schema(
                                        new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
      }
      return operation;
    };
  }

  @SuppressWarnings("rawtypes")
  private static Schema problemSchema() {
    return new ObjectSchema()
        .description("An RFC 9457 problem (application/problem+json)")
        .addProperty("type", new StringSchema().format("uri"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema())
        .addProperty("instance", new StringSchema().format("uri"))
        .addProperty(
            "errors",
            new ArraySchema()
                .description("Validation problems, one per field")
                .items(
                    new ObjectSchema()
                        .addProperty("field", new StringSchema())
                        .addProperty("code", new StringSchema())
                        .addProperty("message", new StringSchema())));
  }
}
