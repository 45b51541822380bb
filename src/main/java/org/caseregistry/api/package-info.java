/**
 * The REST API under {@code /api/v1}: case series, case lists, cases and their sections as JSON,
 * for programs holding a personal API token (see {@code account}). Every rule (role, site,
 * validation, optimistic locking) is the one the pages use, asked of the same services; this
 * package only translates between JSON and those services, and every error into an RFC 9457
 * problem. Nothing depends on it.
 */
package org.caseregistry.api;
