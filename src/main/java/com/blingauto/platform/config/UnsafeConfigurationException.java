package com.blingauto.platform.config;

/** A configuration the application refuses to start with; its message is the one-line reason. */
public class UnsafeConfigurationException extends RuntimeException {

    public UnsafeConfigurationException(String reason) {
        super(reason, null, false, false);
    }
}
