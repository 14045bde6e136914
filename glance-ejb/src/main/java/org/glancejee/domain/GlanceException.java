package org.glancejee.domain;

import jakarta.ejb.ApplicationException;

/**
 * A request the catalogue refuses. Subclasses name the condition; the web layer maps each family to
 * the status code Glance uses. The message is what the user reads, so it never names storage paths.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class GlanceException extends RuntimeException {
    private final String detail;

    protected GlanceException(String message) {
        this(message, null);
    }

    /**
     * @param message the explanation the user reads first, or null to show the status's standard text
     * @param detail  a second line under it, as Glance gives for some refusals; may be null
     */
    protected GlanceException(String message, String detail) {
        super(message);
        this.detail = detail;
    }

    /** A second line of explanation, shown under the message as Glance does; may be null. */
    public String detail() {
        return detail;
    }
}
