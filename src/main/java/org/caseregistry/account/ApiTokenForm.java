package org.caseregistry.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new API token: only its name, so that its owner can tell tokens apart. */
public class ApiTokenForm {

  @NotBlank
  @Size(max = ApiTokenService.MAX_NAME_LENGTH)
  private String name;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
