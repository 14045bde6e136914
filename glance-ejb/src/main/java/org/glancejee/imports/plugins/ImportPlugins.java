package org.glancejee.imports.plugins;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.glancejee.config.ConfigLists;
import org.glancejee.config.ImageFormatSettings;
import org.glancejee.config.StorageSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The plugins the operator enabled ({@code image_import_opts.image_import_plugins}), in their order. An unknown
 * name or output format stops the deployment, as a bad setting should.
 */
@ApplicationScoped
public class ImportPlugins {
    private static final Set<String> OUTPUT_FORMATS = Set.of("raw", "qcow2", "vmdk");

    @Inject
    @ConfigProperty(name = "glance.image_import_opts.image_import_plugins")
    Optional<String> names;

    @Inject
    @ConfigProperty(name = "glance.image_conversion.output_format")
    String outputFormat;

    @Inject
    @ConfigProperty(name = "glance.inject_metadata_properties.inject")
    Optional<String> inject;

    @Inject
    @ConfigProperty(name = "glance.inject_metadata_properties.ignore_user_roles")
    Optional<String> ignoreUserRoles;

    @Inject
    ImageFormatSettings formats;

    @Inject
    StorageSettings storage;

    private List<ImportPlugin> enabled;

    @PostConstruct
    void build() {
        List<ImportPlugin> plugins = new ArrayList<>();
        for (String name : ConfigLists.split(names)) {
            plugins.add(switch (name) {
                case "no_op" -> new NoOp();
                case "image_decompression" -> new Decompression(storage.imageSizeCap());
                case "inject_image_metadata" -> new MetadataInjection(pairs(inject),
                        Set.copyOf(ignoreUserRoles.isPresent() ? ConfigLists.split(ignoreUserRoles) : List.of("admin")));
                case "image_conversion" -> {
                    if (!OUTPUT_FORMATS.contains(outputFormat)) {
                        throw new IllegalStateException("glance.image_conversion.output_format must be one of "
                                + OUTPUT_FORMATS + ", not " + outputFormat);
                    }
                    yield new Conversion(new QemuImg(Path.of("/usr/bin/qemu-img"), Duration.ofSeconds(30),
                            Duration.ofHours(2)), outputFormat, formats.vmdkAllowedTypes());
                }
                default -> throw new IllegalStateException("Unknown import plugin '" + name
                        + "' in glance.image_import_opts.image_import_plugins");
            });
        }
        enabled = List.copyOf(plugins);
    }

    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        enabled.size();
    }

    public List<ImportPlugin> enabled() {
        return enabled;
    }

    /** {@code k:v,k2:v2} as Glance's dict options are written. */
    private static Map<String, String> pairs(Optional<String> value) {
        return ConfigLists.split(value).stream().filter(p -> p.contains(":")).collect(Collectors.toMap(
                p -> p.substring(0, p.indexOf(':')).strip(), p -> p.substring(p.indexOf(':') + 1).strip(),
                (a, b) -> b, LinkedHashMap::new));
    }
}
