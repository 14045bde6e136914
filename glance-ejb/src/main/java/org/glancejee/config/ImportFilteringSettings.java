package org.glancejee.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.glancejee.imports.web.ImportUriPolicy;

import java.util.List;
import java.util.Optional;

/**
 * Glance's {@code [import_filtering_opts]}: which schemes, hosts and ports web-download may fetch from. Each
 * list is one comma-separated value (Payara cannot inject an optional list); an allow list, when set, makes
 * the matching deny list ignored, as in Glance.
 */
@ApplicationScoped
public class ImportFilteringSettings {

    @Inject
    @ConfigProperty(name = "glance.import_filtering_opts.allowed_schemes")
    Optional<String> allowedSchemes;

    @Inject
    @ConfigProperty(name = "glance.import_filtering_opts.disallowed_schemes")
    Optional<String> disallowedSchemes;

    @Inject
    @ConfigProperty(name = "glance.import_filtering_opts.allowed_hosts")
    Optional<String> allowedHosts;

    @Inject
    @ConfigProperty(name = "glance.import_filtering_opts.disallowed_hosts")
    Optional<String> disallowedHosts;

    @Inject
    @ConfigProperty(name = "glance.import_filtering_opts.allowed_ports")
    Optional<String> allowedPorts;

    @Inject
    @ConfigProperty(name = "glance.import_filtering_opts.disallowed_ports")
    Optional<String> disallowedPorts;

    public List<String> allowedSchemes() { return ConfigLists.split(allowedSchemes); }
    public List<String> disallowedSchemes() { return ConfigLists.split(disallowedSchemes); }
    public List<String> allowedHosts() { return ConfigLists.split(allowedHosts); }
    public List<String> disallowedHosts() { return ConfigLists.split(disallowedHosts); }
    public List<Integer> allowedPorts() { return ports(allowedPorts); }
    public List<Integer> disallowedPorts() { return ports(disallowedPorts); }

    private static List<Integer> ports(Optional<String> value) {
        return ConfigLists.split(value).stream().map(Integer::valueOf).toList();
    }

    /** The policy these settings make, resolving host names with the system's resolver. */
    public ImportUriPolicy uriPolicy() {
        return new ImportUriPolicy(allowedSchemes(), disallowedSchemes(), allowedHosts(), disallowedHosts(),
                allowedPorts(), disallowedPorts(), java.net.InetAddress::getAllByName);
    }
}
