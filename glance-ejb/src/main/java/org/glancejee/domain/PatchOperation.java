package org.glancejee.domain;

/**
 * One step of a JSON-Patch request against an image, already parsed from either of Glance's patch media
 * types. {@code path} is the first pointer segment (an attribute or property name, unescaped);
 * {@code position} the second, which only {@code /locations/<n|->} has (else null).
 */
public record PatchOperation(Op op, String path, Object value, String position) {

    public PatchOperation(Op op, String path, Object value) {
        this(op, path, value, null);
    }

    public enum Op { ADD, REPLACE, REMOVE }
}
