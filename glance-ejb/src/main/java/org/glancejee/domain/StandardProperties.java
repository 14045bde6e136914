package org.glancejee.domain;

import java.util.List;
import java.util.Optional;

/** The custom properties Glance describes in its default {@code schema-image.json}, with their checks. */
public final class StandardProperties {
    private static final String KEYS_DOC =
            " as specified in https://docs.openstack.org/python-glanceclient/latest/cli/property-keys.html";

    public static final List<PropertyDefinition> ALL = List.of(
            new PropertyDefinition("kernel_id", "ID of image stored in Glance that should be used as the kernel"
                    + " when booting an AMI-style image.", true, ImageAttribute.UUID_PATTERN, null),
            new PropertyDefinition("ramdisk_id", "ID of image stored in Glance that should be used as the ramdisk"
                    + " when booting an AMI-style image.", true, ImageAttribute.UUID_PATTERN, null),
            new PropertyDefinition("instance_uuid", "Metadata which can be used to record which instance this image"
                    + " is associated with. (Informational only, does not create an instance snapshot.)",
                    false, null, null),
            new PropertyDefinition("architecture", "Operating system architecture" + KEYS_DOC, false, null, null),
            new PropertyDefinition("os_distro", "Common name of operating system distribution" + KEYS_DOC,
                    false, null, null),
            new PropertyDefinition("os_version", "Operating system version as specified by the distributor.",
                    false, null, null),
            new PropertyDefinition("description", "A human-readable string describing this image.", false, null, null),
            new PropertyDefinition("cinder_encryption_key_id", "Identifier in the OpenStack Key Management Service for"
                    + " the encryption key for the Block Storage Service to use when mounting a volume created from"
                    + " this image", false, null, null),
            new PropertyDefinition("cinder_encryption_key_deletion_policy", "States the condition under which the"
                    + " Image Service will delete the object associated with the 'cinder_encryption_key_id' image"
                    + " property.  If this property is missing, the Image Service will take no action",
                    false, null, List.of("on_image_deletion", "do_not_delete")));

    private StandardProperties() {
    }

    public static Optional<PropertyDefinition> find(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
