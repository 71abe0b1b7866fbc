/**
 * Outgoing email: every message is kept in an outbox and sent over SMTP after the change that
 * caused it commits; with no SMTP configured it stays there for an admin to read.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail")
package org.smartketing.mail;
