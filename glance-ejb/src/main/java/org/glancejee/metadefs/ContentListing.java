package org.glancejee.metadefs;

import org.glancejee.domain.InvalidInputException;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sorting and paging of what a namespace holds, with Glance's metadef listing parameters and messages. */
final class ContentListing {
    private static final Map<String, Comparator<NamespaceContent>> SORT_KEYS = Map.of(
            "created_at", Comparator.comparing(NamespaceContent::createdAt),
            "updated_at", Comparator.comparing(NamespaceContent::updatedAt),
            "name", Comparator.comparing(NamespaceContent::name));

    private ContentListing() {
    }

    /** The order a listing asks for, or the listing's own; sort_dir=desc turns it around. */
    static Comparator<NamespaceContent> order(String sortKey, String sortDir, String defaultKey, String defaultDir) {
        String dir = sortDir == null ? defaultDir : sortDir;
        if (!dir.equals("asc") && !dir.equals("desc")) {
            throw new InvalidInputException("Invalid sort direction: " + dir);
        }
        String key = sortKey == null ? defaultKey : sortKey;
        Comparator<NamespaceContent> order = Optional.ofNullable(SORT_KEYS.get(key)).orElseThrow(() ->
                new InvalidInputException("Invalid sort key: " + key)).thenComparing(NamespaceContent::id);
        return dir.equals("desc") ? order.reversed() : order;
    }

    /** The items after the marker (all when it is null), at most {@code limit} of them. */
    static <T> List<T> page(List<T> sorted, Optional<T> marker, int limit) {
        int start = marker.map(m -> sorted.indexOf(m) + 1).orElse(0);
        return sorted.subList(Math.min(start, sorted.size()), (int) Math.min(sorted.size(), (long) start + limit));
    }
}
