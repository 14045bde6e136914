package org.glancejee.web.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.glancejee.domain.GlanceException;
import org.glancejee.domain.RequestContext;
import org.glancejee.metadefs.MetadefNamespace;
import org.glancejee.metadefs.MetadefProperty;
import org.glancejee.metadefs.MetadefResourceTypeService;
import org.glancejee.metadefs.MetadefService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The image property keys the metadefs catalogue defines for images (each namespace associated with
 * {@code OS::Glance::Image}, its prefix applied), with their titles and allowed values, which the property
 * editor offers.
 */
@ApplicationScoped
public class MetadefSuggestions {
    static final String IMAGE = "OS::Glance::Image";

    /** A key the editor offers, and the values it allows (empty when any value goes). */
    public record Key(String key, String title, String description, String type, List<String> values) {
    }

    @Inject
    MetadefService metadefs;

    @Inject
    MetadefResourceTypeService resourceTypes;

    public List<Key> forImages(RequestContext caller) {
        Map<String, Key> keys = new TreeMap<>();
        MetadefService.NamespacePage page = metadefs.list(caller,
                new MetadefService.NamespaceQuery(1000, null, null, null, null, List.of(IMAGE)));
        for (MetadefNamespace ns : page.namespaces()) {
            String prefix;
            try {
                prefix = resourceTypes.prefix(caller, ns, IMAGE).orElse("");
            } catch (GlanceException notForThisCaller) {
                continue;
            }
            for (MetadefProperty property : metadefs.propertiesShownWith(caller, ns)) {
                JsonObject definition = property.definition().toJson();
                keys.putIfAbsent(prefix + property.name(), new Key(prefix + property.name(),
                        definition.getString("title", property.name()), definition.getString("description", ""),
                        definition.getString("type", "string"), values(definition)));
            }
        }
        return List.copyOf(keys.values());
    }

    private static List<String> values(JsonObject definition) {
        List<String> values = new ArrayList<>();
        if (definition.get("enum") instanceof JsonArray allowed) {
            allowed.forEach(v -> values.add(v instanceof JsonString s ? s.getString() : v.toString()));
        } else if ("boolean".equals(definition.getString("type", ""))) {
            values.addAll(List.of("true", "false"));
        }
        return values;
    }
}
