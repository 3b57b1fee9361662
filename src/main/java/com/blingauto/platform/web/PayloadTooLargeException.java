package com.blingauto.platform.web;

import java.io.IOException;

/** Thrown while reading a request body past the limit of CNV-12. */
class PayloadTooLargeException extends IOException {

    static final String MESSAGE = "Request body too large";

    PayloadTooLargeException() {
        super(MESSAGE);
    }
}
