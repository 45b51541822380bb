package org.caseregistry.account;

/** The account an API token speaks for, as found when the token is presented. */
record ApiTokenHolder(long tokenId, long accountId, String username, Role role) {}
