package org.glancejee.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Glance's rules for writing an image's attributes, custom properties and tags, with the deployment's
 * choices (formats, quotas) they depend on. Messages and their order follow Glance, because clients and
 * people read them.
 */
public final class ImageRules {
    private static final int MAX_KEY_LENGTH = 255;
    /** Refused by the request parser before anything else, in this order. */
    private static final List<String> LINK_ATTRIBUTES = List.of("direct_url", "self", "file", "schema", "stores");

    private final List<String> diskFormats;
    private final List<String> containerFormats;
    private final int propertyQuota;
    private final int tagQuota;
    private final PropertyProtections protections;
    private final ImagePermissions permissions;

    public ImageRules(List<String> diskFormats, List<String> containerFormats, int propertyQuota, int tagQuota,
                      PropertyProtections protections, ImagePermissions permissions) {
        this.diskFormats = List.copyOf(diskFormats);
        this.containerFormats = List.copyOf(containerFormats);
        this.propertyQuota = propertyQuota;
        this.tagQuota = tagQuota;
        this.protections = protections;
        this.permissions = permissions;
    }

    // --- create ----------------------------------------------------------------------------------

    /** Applies the fields of a create request to a new image. The id has been taken already. */
    public void applyCreate(Image image, Map<String, Object> fields, RequestContext caller) {
        for (String link : LINK_ATTRIBUTES) {
            if (fields.containsKey(link)) {
                throw readOnly(link);
            }
        }
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            Optional<ImageAttribute> attribute = ImageAttribute.fromApiName(field.getKey());
            if (attribute.isPresent()) {
                checked(attribute.get(), field.getValue());
            } else {
                checkedPropertyValue(field.getKey(), field.getValue());
            }
        }
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            String key = field.getKey();
            if (ImageAttribute.fromApiName(key).isEmpty()) {
                if (key.length() > MAX_KEY_LENGTH) {
                    throw new InvalidInputException("Custom property should not be greater than 255 characters.");
                }
                if (reserved(key)) {
                    throw new ForbiddenException(null, "Attribute '" + key + "' is reserved.");
                }
            }
        }
        permissions.mayCreate((String) fields.get("owner"), (String) fields.get("visibility"), caller);
        if (fields.get("tags") instanceof List<?> tags && tagQuota >= 0 && tags.size() > tagQuota) {
            throw tooManyTags(tags.size());
        }
        for (ImageAttribute a : ImageAttribute.values()) {
            if (fields.containsKey(a.apiName()) && a.readOnly()) {
                throw readOnly(a.apiName());
            }
        }
        if (fields.containsKey(ImageAttribute.LOCATIONS.apiName())) {
            throw new ForbiddenException("Attribute 'locations' is reserved.");
        }
        for (String key : fields.keySet()) {
            if (ImageAttribute.fromApiName(key).isEmpty()) {
                protect(key, PropertyProtections.Operation.CREATE, caller);
            }
        }
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            Optional<ImageAttribute> attribute = ImageAttribute.fromApiName(field.getKey());
            if (attribute.isEmpty()) {
                image.putProperty(field.getKey(), (String) field.getValue());
            } else if (attribute.get() != ImageAttribute.ID) {
                image.assign(attribute.get(), checked(attribute.get(), field.getValue()));
            }
        }
        checkPropertyQuota(image);
    }

    // --- update ----------------------------------------------------------------------------------

    /**
     * Applies a JSON-Patch request. Every operation is checked before any is applied, as Glance's
     * request parser does; then they apply in order and the first refusal refuses the whole request.
     */
    public void applyPatch(Image image, List<PatchOperation> operations, boolean strictAdd, RequestContext caller) {
        checkPatch(operations);
        boolean newProperty = false;
        for (PatchOperation op : operations) {
            Optional<ImageAttribute> attribute = ImageAttribute.fromApiName(op.path());
            boolean present = attribute.isEmpty() && readable(image, op.path(), caller);
            newProperty |= attribute.isEmpty() && !image.properties().containsKey(op.path());
            if (!(op.op() == PatchOperation.Op.REPLACE && attribute.orElse(null) == ImageAttribute.OWNER)) {
                permissions.mayChange(image, op.path(), op.value(), caller);
            }
            switch (op.op()) {
                case REPLACE -> replace(image, op, attribute, present, caller);
                case ADD -> {
                    if (strictAdd && (attribute.isPresent() || present)) {
                        throw new ConflictException(null, "Property " + op.path() + " already present.");
                    }
                    if (attribute.isPresent()) {
                        assign(image, attribute.get(), op.value(), caller);
                    } else {
                        protect(op.path(), present ? PropertyProtections.Operation.UPDATE
                                : PropertyProtections.Operation.CREATE, caller);
                        image.putProperty(op.path(), (String) op.value());
                    }
                }
                case REMOVE -> {
                    if (attribute.isPresent()) {
                        throw new ForbiddenException(null, "Property " + op.path() + " may not be removed.");
                    }
                    if (!present) {
                        throw new ConflictException(null, "Property " + op.path() + " does not exist.");
                    }
                    protect(op.path(), PropertyProtections.Operation.DELETE, caller);
                    image.dropProperty(op.path());
                }
            }
        }
        if (newProperty) {
            checkPropertyQuota(image);
        }
    }

    /**
     * The checks Glance's request parser makes on a patch (read-only and reserved names, value types),
     * which need no image: they run, and refuse, before the image is looked up.
     */
    public void checkPatch(List<PatchOperation> operations) {
        for (PatchOperation op : operations) {
            validate(op);
        }
    }

    private void validate(PatchOperation op) {
        String root = op.path();
        Optional<ImageAttribute> attribute = ImageAttribute.fromApiName(root);
        if (attribute.map(a -> a.readOnly() || a == ImageAttribute.ID).orElse(false) || "stores".equals(root)) {
            throw readOnly(root);
        }
        if (reserved(root)) {
            throw new ForbiddenException("Attribute '" + root + "' is reserved.");
        }
        if (op.op() != PatchOperation.Op.REMOVE) {
            if (attribute.isPresent()) {
                checked(attribute.get(), op.value());
            } else {
                checkedPropertyValue(root, op.value());
            }
        }
    }

    private void replace(Image image, PatchOperation op, Optional<ImageAttribute> attribute, boolean present,
                         RequestContext caller) {
        if (attribute.isPresent() && attribute.get() == ImageAttribute.OWNER) {
            if (!caller.admin()) {
                throw new ForbiddenException(null, "Owner can't be updated by non admin.");
            }
            permissions.mayChange(image, op.path(), op.value(), caller);
        }
        if (attribute.isPresent()) {
            assign(image, attribute.get(), op.value(), caller);
        } else if (present) {
            protect(op.path(), PropertyProtections.Operation.UPDATE, caller);
            image.putProperty(op.path(), (String) op.value());
        } else {
            throw new ConflictException(null, "Property " + op.path() + " does not exist.");
        }
    }

    private void assign(Image image, ImageAttribute attribute, Object value, RequestContext caller) {
        if (attribute == ImageAttribute.LOCATIONS) {
            throw new ForbiddenException("It's not allowed to update locations if locations are invisible.");
        }
        Object checked = checked(attribute, value);
        if (attribute == ImageAttribute.TAGS && tagQuota >= 0 && ((List<?>) value).size() > tagQuota) {
            throw tooManyTags(((List<?>) value).size());
        }
        image.assign(attribute, checked);
    }

    // --- tags ------------------------------------------------------------------------------------

    /** Checks a tag before PUT /tags/{tag} adds it: its length, then (if it is new) the tag quota. */
    public void checkNewTag(Image image, String tag) {
        checkTag(tag);
        int count = image.tags().contains(tag) ? image.tags().size() : image.tags().size() + 1;
        if (tagQuota >= 0 && count > tagQuota) {
            throw new LimitExceededException("Image tag limit exceeded for image " + image.id() + ": "
                    + tooManyTags(count).getMessage() + ":");
        }
    }

    /** A tag's own validity (its length), which Glance's request parser checks before finding the image. */
    public void checkTag(String tag) {
        if (tag.length() > MAX_KEY_LENGTH) {
            throw schemaViolation(Python.repr(tag) + " is too long");
        }
    }

    // --- checks ----------------------------------------------------------------------------------

    private LimitExceededException tooManyTags(int attempted) {
        return new LimitExceededException("The limit has been exceeded on the number of allowed image tags."
                + " Attempted: " + attempted + ", Maximum: " + tagQuota);
    }

    private void checkPropertyQuota(Image image) {
        long count = image.properties().keySet().stream()
                .filter(k -> !k.startsWith(ImageAttribute.RESERVED_PREFIX)).count();
        if (propertyQuota >= 0 && count > propertyQuota) {
            throw new LimitExceededException("The limit has been exceeded on the number of allowed image properties."
                    + " Attempted: " + count + ", Maximum: " + propertyQuota);
        }
    }

    /** A custom property the caller may not read is, for that caller, not there. */
    private boolean readable(Image image, String key, RequestContext caller) {
        return image.properties().containsKey(key)
                && protections.allows(key, PropertyProtections.Operation.READ, caller);
    }

    private void protect(String key, PropertyProtections.Operation operation, RequestContext caller) {
        if (!protections.allows(key, operation, caller)) {
            throw new ForbiddenException("Attribute '" + key + "' is reserved.");
        }
    }

    private static boolean reserved(String key) {
        return ImageAttribute.RESERVED_NAMES.contains(key) || key.startsWith(ImageAttribute.RESERVED_PREFIX);
    }

    private static ForbiddenException readOnly(String name) {
        return new ForbiddenException("Attribute '" + name + "' is read-only.");
    }

    private static void checkedPropertyValue(String key, Object value) {
        if (!(value instanceof String)) {
            throw schemaViolation(Python.repr(value) + " is not of type 'string'");
        }
        StandardProperties.find(key).map(p -> p.violation((String) value)).ifPresent(v -> {
            throw schemaViolation(v);
        });
    }

    /** The value converted to the attribute's Java type, or a 400 worded like Glance's schema check. */
    Object checked(ImageAttribute attribute, Object value) {
        if (value == null) {
            if (attribute.nullable()) {
                return null;
            }
            throw schemaViolation("None is not of type '" + typeName(attribute) + "'");
        }
        return switch (attribute.type()) {
            case STRING -> checkedString(attribute, value);
            case BOOLEAN -> {
                if (!(value instanceof Boolean)) {
                    throw schemaViolation(Python.repr(value) + " is not of type 'boolean'");
                }
                yield value;
            }
            case INTEGER -> {
                if (!(value instanceof Long)) {
                    throw schemaViolation(Python.repr(value) + " is not of type 'integer'");
                }
                yield value;
            }
            case ARRAY -> attribute == ImageAttribute.LOCATIONS ? checkedLocations(value) : checkedTags(value);
        };
    }

    /**
     * The schema's shape of {@code locations}: a list of {@code {url, metadata}} objects. Only the shape is
     * checked here, so that a well-formed list reaches the rule that reserves the attribute (403), as in Glance.
     */
    private static Object checkedLocations(Object value) {
        if (!(value instanceof List<?> list)) {
            throw schemaViolation(Python.repr(value) + " is not of type 'array'");
        }
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> location)) {
                throw schemaViolation(Python.repr(item) + " is not of type 'object'");
            }
            for (String required : List.of("url", "metadata")) {
                if (!location.containsKey(required)) {
                    throw schemaViolation(Python.repr(required) + " is a required property");
                }
            }
            if (!(location.get("url") instanceof String url)) {
                throw schemaViolation(Python.repr(location.get("url")) + " is not of type 'string'");
            }
            if (url.length() > MAX_KEY_LENGTH) {
                throw schemaViolation(Python.repr(url) + " is too long");
            }
            if (!(location.get("metadata") instanceof Map<?, ?>)) {
                throw schemaViolation(Python.repr(location.get("metadata")) + " is not of type 'object'");
            }
        }
        return value;
    }

    private Object checkedString(ImageAttribute attribute, Object value) {
        if (!(value instanceof String text)) {
            throw schemaViolation(Python.repr(value) + " is not of type " + (attribute.nullable()
                    ? "'null', 'string'" : "'string'"));
        }
        if (attribute.maxLength() > 0 && text.length() > attribute.maxLength()) {
            throw schemaViolation(Python.repr(text) + " is too long");
        }
        if (attribute == ImageAttribute.ID && !text.matches(ImageAttribute.UUID_PATTERN)) {
            throw schemaViolation(Python.repr(text) + " does not match '" + ImageAttribute.UUID_PATTERN + "'");
        }
        List<String> allowed = switch (attribute) {
            case DISK_FORMAT -> diskFormats;
            case CONTAINER_FORMAT -> containerFormats;
            case VISIBILITY -> Arrays.stream(Visibility.values()).map(Visibility::apiName).toList();
            case STATUS -> Arrays.stream(ImageStatus.values()).map(ImageStatus::apiName).toList();
            default -> null;
        };
        if (allowed != null && !allowed.contains(text)) {
            List<String> shown = new ArrayList<>();
            if (attribute.nullable()) {
                shown.add(null);
            }
            shown.addAll(allowed);
            throw schemaViolation(Python.repr(text) + " is not one of " + Python.repr(shown));
        }
        return attribute == ImageAttribute.VISIBILITY ? Visibility.fromApiName(text).orElseThrow() : text;
    }

    private static Object checkedTags(Object value) {
        if (!(value instanceof List<?> list)) {
            throw schemaViolation(Python.repr(value) + " is not of type 'array'");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (Object tag : list) {
            if (!(tag instanceof String text)) {
                throw schemaViolation(Python.repr(tag) + " is not of type 'string'");
            }
            if (text.length() > MAX_KEY_LENGTH) {
                throw schemaViolation(Python.repr(text) + " is too long");
            }
            unique.add(text);
        }
        return List.copyOf(unique);
    }

    private static String typeName(ImageAttribute attribute) {
        return switch (attribute.type()) {
            case STRING -> "string";
            case INTEGER -> "integer";
            case BOOLEAN -> "boolean";
            case ARRAY -> "array";
        };
    }

    private static InvalidInputException schemaViolation(String reason) {
        return new InvalidInputException("Provided object does not match schema 'image': " + reason);
    }
}
