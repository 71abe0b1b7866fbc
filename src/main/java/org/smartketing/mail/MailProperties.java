package org.smartketing.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code smartketing.mail.from}: the sender address on every email. */
@ConfigurationProperties("smartketing.mail")
record MailProperties(@DefaultValue("Smartketing <no-reply@smartketing.local>") String from) {
}
