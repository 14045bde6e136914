package org.glancejee.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.TreeSet;

/** The comma-separated, sorted store lists Glance keeps in os_glance_importing_to_stores and os_glance_failed_import. */
final class StoreList {
    private StoreList() {
    }

    static String merge(String current, Collection<String> stores) {
        TreeSet<String> merged = parse(current);
        merged.addAll(stores);
        return String.join(",", merged);
    }

    static String subtract(String current, Collection<String> stores) {
        TreeSet<String> rest = parse(current);
        rest.removeAll(stores);
        return String.join(",", rest);
    }

    private static TreeSet<String> parse(String value) {
        TreeSet<String> stores = new TreeSet<>();
        if (value != null) {
            Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(stores::add);
        }
        return stores;
    }
}
