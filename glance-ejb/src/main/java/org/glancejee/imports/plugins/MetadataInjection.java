package org.glancejee.imports.plugins;

import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * Glance's inject_image_metadata: adds the operator's properties to every imported image, unless the caller
 * has one of the ignored roles (admin by default). Reserved os_glance* keys are never injected.
 */
final class MetadataInjection implements ImportPlugin {
    private final Map<String, String> inject;
    private final Set<String> ignoredRoles;

    MetadataInjection(Map<String, String> inject, Set<String> ignoredRoles) {
        this.inject = Map.copyOf(inject);
        this.ignoredRoles = Set.copyOf(ignoredRoles);
    }

    @Override
    public String name() {
        return "inject_image_metadata";
    }

    @Override
    public void apply(StagedImage image) {
        if (!Collections.disjoint(image.callerRoles(), ignoredRoles)) {
            return;
        }
        inject.forEach((k, v) -> {
            if (!k.startsWith("os_glance")) {
                image.addProperty(k, v);
            }
        });
    }
}
