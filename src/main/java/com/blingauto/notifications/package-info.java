/**
 * Outgoing e-mail: the account mails (verification, password reset) sent after commit from auth's events,
 * over SMTP when {@code SMTP_HOST} is set, otherwise written to the log.
 */
@ApplicationModule(allowedDependencies = {"shared", "auth"})
package com.blingauto.notifications;

import org.springframework.modulith.ApplicationModule;
