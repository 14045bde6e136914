package org.glancejee.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The image's core attributes in the order Glance presents them. The JSON view, the JSON schema and the
 * write rules all walk this one list, so they cannot disagree.
 */
public enum ImageAttribute {
    ID("id", Type.STRING, false, Access.CREATE_ONLY, 0, "An identifier for the image"),
    NAME("name", Type.STRING, true, Access.WRITABLE, 255, "Descriptive name for the image"),
    STATUS("status", Type.STRING, false, Access.READ_ONLY, 0, "Status of the image"),
    VISIBILITY("visibility", Type.STRING, false, Access.WRITABLE, 0, "Scope of image accessibility"),
    PROTECTED("protected", Type.BOOLEAN, false, Access.WRITABLE, 0, "If true, image will not be deletable."),
    OS_HIDDEN("os_hidden", Type.BOOLEAN, false, Access.WRITABLE, 0,
            "If true, image will not appear in default image list response."),
    CHECKSUM("checksum", Type.STRING, true, Access.READ_ONLY, 32, "md5 hash of image contents."),
    OS_HASH_ALGO("os_hash_algo", Type.STRING, true, Access.READ_ONLY, 64, "Algorithm to calculate the os_hash_value"),
    OS_HASH_VALUE("os_hash_value", Type.STRING, true, Access.READ_ONLY, 128,
            "Hexdigest of the image contents using the algorithm specified by the os_hash_algo"),
    OWNER("owner", Type.STRING, true, Access.WRITABLE, 255, "Owner of the image"),
    SIZE("size", Type.INTEGER, true, Access.READ_ONLY, 0, "Size of image file in bytes"),
    VIRTUAL_SIZE("virtual_size", Type.INTEGER, true, Access.READ_ONLY, 0, "Virtual size of image in bytes"),
    CONTAINER_FORMAT("container_format", Type.STRING, true, Access.WRITABLE, 0, "Format of the container"),
    DISK_FORMAT("disk_format", Type.STRING, true, Access.WRITABLE, 0, "Format of the disk"),
    CREATED_AT("created_at", Type.STRING, false, Access.READ_ONLY, 0, "Date and time of image registration"),
    UPDATED_AT("updated_at", Type.STRING, false, Access.READ_ONLY, 0, "Date and time of the last image modification"),
    TAGS("tags", Type.ARRAY, false, Access.WRITABLE, 0, "List of strings related to the image"),
    DIRECT_URL("direct_url", Type.STRING, false, Access.READ_ONLY, 0,
            "URL to access the image file kept in external store"),
    MIN_RAM("min_ram", Type.INTEGER, false, Access.WRITABLE, 0, "Amount of ram (in MB) required to boot image."),
    MIN_DISK("min_disk", Type.INTEGER, false, Access.WRITABLE, 0,
            "Amount of disk space (in GB) required to boot image."),
    SELF("self", Type.STRING, false, Access.READ_ONLY, 0, "An image self url"),
    FILE("file", Type.STRING, false, Access.READ_ONLY, 0, "An image file url"),
    SCHEMA("schema", Type.STRING, false, Access.READ_ONLY, 0, "An image schema url"),
    LOCATIONS("locations", Type.ARRAY, false, Access.RESERVED, 0,
            "A set of URLs to access the image file kept in external store");

    /** JSON types an attribute may take (besides null where nullable). */
    public enum Type { STRING, INTEGER, BOOLEAN, ARRAY }

    /** Who may write the attribute through the API. */
    public enum Access { WRITABLE, CREATE_ONLY, READ_ONLY, RESERVED }

    /** Names that are neither core attributes nor allowed as custom properties. */
    public static final Set<String> RESERVED_NAMES = Set.of("location", "deleted", "deleted_at");

    /** The prefix Glance keeps for its own bookkeeping properties. */
    public static final String RESERVED_PREFIX = "os_glance";

    public static final String UUID_PATTERN =
            "^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$";

    private final String apiName;
    private final Type type;
    private final boolean nullable;
    private final Access access;
    private final int maxLength;
    private final String description;

    ImageAttribute(String apiName, Type type, boolean nullable, Access access, int maxLength, String description) {
        this.apiName = apiName;
        this.type = type;
        this.nullable = nullable;
        this.access = access;
        this.maxLength = maxLength;
        this.description = description;
    }

    public String apiName() {
        return apiName;
    }

    public Type type() {
        return type;
    }

    public boolean nullable() {
        return nullable;
    }

    public Access access() {
        return access;
    }

    /** Maximum string length, 0 where none applies. */
    public int maxLength() {
        return maxLength;
    }

    public String description() {
        return description;
    }

    public boolean readOnly() {
        return access == Access.READ_ONLY;
    }

    public static Optional<ImageAttribute> fromApiName(String name) {
        return Arrays.stream(values()).filter(a -> a.apiName.equals(name)).findFirst();
    }

    /** Attributes a caller may set in a create request (id and the writable ones). */
    public static Set<ImageAttribute> creatable() {
        EnumSet<ImageAttribute> set = EnumSet.noneOf(ImageAttribute.class);
        for (ImageAttribute a : values()) {
            if (a.access == Access.WRITABLE || a.access == Access.CREATE_ONLY) {
                set.add(a);
            }
        }
        return set;
    }
}
