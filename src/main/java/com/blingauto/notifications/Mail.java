package com.blingauto.notifications;

/**
 * One message to one recipient. {@code secret} is the part of the body that must not reach a production log
 * (the token in the link).
 */
record Mail(String to, String toName, String subject, String text, String html, String secret) {
}
