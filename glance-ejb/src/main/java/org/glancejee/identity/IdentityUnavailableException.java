package org.glancejee.identity;

/** Keystone could not be asked (down, unreachable, or refusing our service user). */
public class IdentityUnavailableException extends RuntimeException {
    public IdentityUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
