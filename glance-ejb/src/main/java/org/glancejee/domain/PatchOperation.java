package org.glancejee.domain;

/**
 * One step of a JSON-Patch request against an image, already parsed from either of Glance's patch media
 * types. {@code path} is the first pointer segment (an attribute or property name, unescaped).
 */
public record PatchOperation(Op op, String path, Object value) {

    public enum Op { ADD, REPLACE, REMOVE }
}
