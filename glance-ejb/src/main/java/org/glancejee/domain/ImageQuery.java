package org.glancejee.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A parsed GET /v2/images request: filters, order and page. Null means "no such filter".
 *
 * @param exact       core columns matched against one of the given values (name, id, status, formats, owner,
 *                    checksum, ...): the key is the column's API name
 * @param visibility  a visibility name, "all", or null for Glance's default view
 * @param memberStatus accepted (default), pending, rejected or all
 * @param osHidden    false by default: hidden images only appear when asked for
 */
public record ImageQuery(Map<String, List<String>> exact,
                         List<TimeFilter> timeFilters,
                         Long sizeMin,
                         Long sizeMax,
                         String visibility,
                         String memberStatus,
                         boolean osHidden,
                         Boolean isProtected,
                         List<String> tags,
                         Map<String, String> properties,
                         List<SortKey> sort,
                         int limit,
                         String marker) {

    /** created_at / updated_at compared with an instant: op is one of gt, gte, eq, neq, lt, lte. */
    public record TimeFilter(String column, String op, Instant value) {
    }

    /** One ORDER BY term; key is an API attribute name. */
    public record SortKey(String key, boolean ascending) {
    }
}
