package org.glancejee.identity;

/** Keystone does not know the token, or it expired or was revoked: the caller is not authenticated. */
public class InvalidTokenException extends RuntimeException {
    public InvalidTokenException(String message) {
        super(message);
    }
}
