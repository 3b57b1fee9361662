package com.blingauto.notifications;

/** Hands a mail to the outside world; throws when it could not, so that the caller's publication stays incomplete. */
interface MailDelivery {

    void deliver(Mail mail);
}
