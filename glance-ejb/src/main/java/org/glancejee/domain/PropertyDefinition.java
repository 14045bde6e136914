package org.glancejee.domain;

import java.util.List;

/**
 * A well-known custom property with a schema of its own (Glance's {@code schema-image.json}): still a
 * string property stored beside the others, but its value is checked.
 */
public record PropertyDefinition(String name, String description, boolean nullable, String pattern,
                                 List<String> allowedValues) {

    /** Why {@code value} is not acceptable, or null when it is. */
    public String violation(String value) {
        if (value == null) {
            return nullable ? null : "None is not of type 'string'";
        }
        if (pattern != null && !value.matches(pattern)) {
            return "'" + value + "' does not match '" + pattern + "'";
        }
        if (allowedValues != null && !allowedValues.contains(value)) {
            return "'" + value + "' is not one of " + allowedValues;
        }
        return null;
    }
}
