/**
 * Outgoing email: every message is kept in an outbox and sent over SMTP by a persistent job once
 * the change that caused it commits, tried again with doubling waits, never twice; with no SMTP
 * configured it stays there for an admin to read. {@code SmtpSender} is the one way to the server.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail")
@org.smartketing.shared.OwnsTables({ "mail_message", "mail_attachment" })
package org.smartketing.mail;
