package org.glancejee.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/** Settings of the Images API itself: page sizes, formats, quotas, what clients are told. */
@ApplicationScoped
public class ApiSettings {

    @Inject
    @ConfigProperty(name = "glance.limit_param_default")
    int limitParamDefault;

    @Inject
    @ConfigProperty(name = "glance.api_limit_max")
    int apiLimitMax;

    @Inject
    @ConfigProperty(name = "glance.image_property_quota")
    int imagePropertyQuota;

    @Inject
    @ConfigProperty(name = "glance.image_tag_quota")
    int imageTagQuota;

    @Inject
    @ConfigProperty(name = "glance.image_member_quota")
    int imageMemberQuota;

    @Inject
    @ConfigProperty(name = "glance.disk_formats")
    List<String> diskFormats;

    @Inject
    @ConfigProperty(name = "glance.container_formats")
    List<String> containerFormats;

    @Inject
    @ConfigProperty(name = "glance.enabled_import_methods")
    Optional<String> enabledImportMethods;

    @Inject
    @ConfigProperty(name = "glance.public_endpoint")
    Optional<String> publicEndpoint;

    @Inject
    @ConfigProperty(name = "glance.max_request_id_length")
    int maxRequestIdLength;

    @Inject
    @ConfigProperty(name = "glance.image_location_quota", defaultValue = "10")
    int imageLocationQuota;

    @Inject
    @ConfigProperty(name = "glance.show_image_direct_url", defaultValue = "false")
    boolean showImageDirectUrl;

    @Inject
    @ConfigProperty(name = "glance.show_multiple_locations", defaultValue = "false")
    boolean showMultipleLocations;

    public int limitParamDefault() { return limitParamDefault; }
    public int apiLimitMax() { return apiLimitMax; }
    public int imagePropertyQuota() { return imagePropertyQuota; }
    public int imageTagQuota() { return imageTagQuota; }
    public int imageMemberQuota() { return imageMemberQuota; }
    public List<String> diskFormats() { return diskFormats; }
    public List<String> containerFormats() { return containerFormats; }
    /** Read as one string: Payara cannot inject an optional list, and "none" must be sayable. */
    public List<String> enabledImportMethods() {
        return enabledImportMethods.map(v -> java.util.Arrays.stream(v.split(","))
                .map(String::strip).filter(m -> !m.isEmpty() && !m.equals("none")).toList()).orElse(List.of());
    }
    public Optional<String> publicEndpoint() { return publicEndpoint; }
    public int maxRequestIdLength() { return maxRequestIdLength; }
    /** Most locations one image may have; negative: no limit. */
    public int imageLocationQuota() { return imageLocationQuota; }
    /** Images show {@code direct_url}, the URL of their best location (off by default: it tells where data is). */
    public boolean showImageDirectUrl() { return showImageDirectUrl; }
    /** Images show {@code locations}, and PATCH may change them (Glance's deprecated way; off by default). */
    public boolean showMultipleLocations() { return showMultipleLocations; }
}
