package org.glancejee.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.List;

/** Glance's {@code [image_format]} safety options: must content match disk_format, which VMDK kinds pass. */
@ApplicationScoped
public class ImageFormatSettings {

    @Inject
    @ConfigProperty(name = "glance.image_format.require_image_format_match")
    boolean requireImageFormatMatch;

    @Inject
    @ConfigProperty(name = "glance.image_format.vmdk_allowed_types")
    String vmdkAllowedTypes;

    public boolean requireImageFormatMatch() {
        return requireImageFormatMatch;
    }

    public List<String> vmdkAllowedTypes() {
        return Arrays.stream(vmdkAllowedTypes.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
