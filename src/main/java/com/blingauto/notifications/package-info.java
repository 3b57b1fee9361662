/**
 * Outgoing e-mail: the account mails (verification, password reset) sent after commit from auth's events, and the
 * SVC-7 price-change mails from catalog's, over SMTP when {@code SMTP_HOST} is set, otherwise written to the log.
 */
@ApplicationModule(allowedDependencies = {"shared", "auth", "catalog"})
package com.blingauto.notifications;

import org.springframework.modulith.ApplicationModule;
