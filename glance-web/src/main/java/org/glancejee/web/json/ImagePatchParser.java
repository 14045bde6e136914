package org.glancejee.web.json;

import org.glancejee.domain.InvalidInputException;
import org.glancejee.domain.PatchOperation;
import org.glancejee.domain.PatchOperation.Op;
import org.glancejee.domain.UnsupportedMediaException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a PATCH body in either of Glance's media types: the RFC 6902 subset
 * ({@code application/openstack-images-v2.1-json-patch}) or the older draft form
 * ({@code application/openstack-images-v2.0-json-patch}, where {@code add} of an existing property conflicts).
 */
public final class ImagePatchParser {
    public static final String V20 = "application/openstack-images-v2.0-json-patch";
    public static final String V21 = "application/openstack-images-v2.1-json-patch";
    public static final String ACCEPT_PATCH = V20 + ", " + V21;

    private ImagePatchParser() {
    }

    /** True for the v2.0 media type, whose {@code add} refuses to overwrite. */
    public static boolean strictAdd(String contentType) {
        return V20.equals(mediaType(contentType));
    }

    public static List<PatchOperation> parse(String contentType, String body) {
        String media = mediaType(contentType);
        if (!V20.equals(media) && !V21.equals(media)) {
            throw new UnsupportedMediaException("The request media type " + contentType
                    + " is not supported by this server.");
        }
        Object parsed = JsonBodies.toJava(JsonBodies.parse(body));
        if (parsed instanceof Map<?, ?>) {
            throw new InvalidInputException("Request body must be a JSON array of operation objects.");
        }
        if (!(parsed instanceof List<?> items)) {
            throw new InvalidInputException("Unexpected body type. Expected list/dict.");
        }
        List<PatchOperation> operations = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> change)) {
                throw new InvalidInputException("Operations must be JSON objects.");
            }
            operations.add(V21.equals(media) ? rfc6902(change) : draft(change));
        }
        return operations;
    }

    private static PatchOperation rfc6902(Map<?, ?> change) {
        Object op = change.get("op");
        if (!(op instanceof String name)) {
            throw new InvalidInputException("Unable to find `op` in JSON Schema change. It must be one of the"
                    + " following: add, remove, replace.");
        }
        Op kind = switch (name) {
            case "add" -> Op.ADD;
            case "replace" -> Op.REPLACE;
            case "remove" -> Op.REMOVE;
            default -> throw new InvalidInputException("Invalid operation: `" + name + "`. It must be one of the"
                    + " following: add, remove, replace.");
        };
        return operation(kind, change.get("path"), change, "path");
    }

    private static PatchOperation draft(Map<?, ?> change) {
        List<Op> named = new ArrayList<>();
        for (Op kind : Op.values()) {
            if (change.containsKey(kind.name().toLowerCase(Locale.ROOT))) {
                named.add(kind);
            }
        }
        if (named.size() != 1) {
            throw new InvalidInputException("Operation objects must contain " + (named.isEmpty() ? "exactly" : "only")
                    + " one member named \"add\", \"remove\", or \"replace\".");
        }
        String key = named.get(0).name().toLowerCase(Locale.ROOT);
        return operation(named.get(0), change.get(key), change, key);
    }

    private static PatchOperation operation(Op kind, Object pointer, Map<?, ?> change, String pointerKey) {
        if (!(pointer instanceof String path)) {
            throw new InvalidInputException("Unable to find '" + pointerKey + "' in JSON Schema change");
        }
        List<String> tokens = pointerTokens(path, kind);
        if (kind != Op.REMOVE && !change.containsKey("value")) {
            throw new InvalidInputException("Operation \"" + kind.name().toLowerCase(Locale.ROOT)
                    + "\" requires a member named \"value\".");
        }
        return new PatchOperation(kind, tokens.get(0), change.get("value"), tokens.size() > 1 ? tokens.get(1) : null);
    }

    /** The pointer's single segment (two for add/remove under /locations), with ~1 and ~0 decoded. */
    static String decodePointer(String pointer, Op kind) {
        return pointerTokens(pointer, kind).get(0);
    }

    private static List<String> pointerTokens(String pointer, Op kind) {
        if (!pointer.startsWith("/")) {
            throw invalidPointer(pointer, "does not start with \"/\".");
        }
        if (pointer.substring(1).matches("(?s).*/\\s*?/.*")) {
            throw invalidPointer(pointer, "contains adjacent \"/\".");
        }
        if (pointer.length() > 1 && pointer.endsWith("/")) {
            throw invalidPointer(pointer, "end with \"/\".");
        }
        if (pointer.substring(1).strip().equals("/")) {
            throw invalidPointer(pointer, "does not contains valid token.");
        }
        if (pointer.matches("(?s).*~(?![01]).*")) {
            throw invalidPointer(pointer, "contains \"~\" not part of a recognized escape sequence.");
        }
        List<String> tokens = new ArrayList<>();
        for (String token : pointer.replaceFirst("^/+", "").split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~").strip());
        }
        int depth = "locations".equals(tokens.get(0)) && kind != Op.REPLACE ? 2 : 1;
        if (tokens.size() != depth) {
            throw new InvalidInputException("Invalid JSON pointer for this resource: '/" + String.join("/", tokens) + "'");
        }
        return tokens;
    }

    private static InvalidInputException invalidPointer(String pointer, String problem) {
        return new InvalidInputException("Pointer `" + pointer + "` " + problem);
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
