package org.glancejee.policy;

/** A policy file that exists but cannot be used: unreadable, not YAML/JSON, or not a map of rule strings. */
public class PolicyFileException extends RuntimeException {
    public PolicyFileException(String message) {
        super(message);
    }

    public PolicyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
