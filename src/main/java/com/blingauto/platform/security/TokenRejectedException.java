package com.blingauto.platform.security;

import org.springframework.security.core.AuthenticationException;

/** A bearer token refused for a reason CNV-36 names; the message goes to the client as is. */
class TokenRejectedException extends AuthenticationException {

    TokenRejectedException(String message) {
        super(message);
    }
}
