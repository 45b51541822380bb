package org.caseregistry.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator of an empty registry ({@code registry.first-admin.*}, set through {@code
 * REGISTRY_ADMIN_USERNAME} and {@code REGISTRY_ADMIN_PASSWORD}; defaults in {@code
 * application.properties}).
 *
 * @param username its username
 * @param password its password; blank: a one-time password is printed in the log
 */
@ConfigurationProperties("registry.first-admin")
record FirstAdminProperties(String username, String password) {}
