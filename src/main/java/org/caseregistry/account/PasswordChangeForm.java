package org.caseregistry.account;

import jakarta.validation.constraints.NotBlank;

/** An account changing its own password. */
public class PasswordChangeForm {

  @NotBlank private String currentPassword;

  @NotBlank private String newPassword;

  @NotBlank private String confirmPassword;

  public String getCurrentPassword() {
    return currentPassword;
  }

  public void setCurrentPassword(String currentPassword) {
    this.currentPassword = currentPassword;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getConfirmPassword() {
    return confirmPassword;
  }

  public void setConfirmPassword(String confirmPassword) {
    this.confirmPassword = confirmPassword;
  }
}
