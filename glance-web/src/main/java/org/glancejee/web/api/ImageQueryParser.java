package org.glancejee.web.api;

import org.glancejee.domain.ImageQuery;
import org.glancejee.domain.ImageQuery.SortKey;
import org.glancejee.domain.ImageQuery.TimeFilter;
import org.glancejee.domain.InvalidInputException;

import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns the query string of GET /v2/images into an {@link ImageQuery}, refusing what Glance refuses. */
public final class ImageQueryParser {
    static final List<String> SORT_KEYS =
            List.of("name", "status", "container_format", "disk_format", "size", "id", "created_at", "updated_at");
    private static final Set<String> IN_FILTERS = Set.of("name", "id", "status", "container_format", "disk_format");
    private static final Set<String> TEXT_COLUMNS = Set.of("owner", "checksum", "os_hash_algo", "os_hash_value");
    private static final Set<String> NUMBER_COLUMNS = Set.of("min_ram", "min_disk", "size", "virtual_size");
    private static final Set<String> TIME_OPERATORS = Set.of("gt", "gte", "eq", "neq", "lt", "lte");
    private static final Set<String> VISIBILITIES = Set.of("public", "private", "shared", "community", "all");
    private static final Set<String> MEMBER_STATUSES = Set.of("accepted", "pending", "rejected", "all");
    private static final Set<String> PAGING = Set.of("limit", "marker", "sort_key", "sort_dir", "sort");
    private static final Set<String> CHECKED_EARLIER =
            Set.of("visibility", "changes-since", "member_status", "os_hidden", "protected");
    private static final Pattern PYTHON_INT = Pattern.compile("[+-]?\\p{Nd}+(?:_\\p{Nd}+)*");

    private ImageQueryParser() {
    }

    /**
     * Checks happen in Glance's order, so a request with several mistakes gets the error Glance gives: the
     * deserializer (visibility, changes-since, member_status, limit, sorting), then the controller (os_hidden,
     * protected), then the database layer (the remaining filters, in request order); the marker comes last.
     */
    public static ImageQuery parse(List<Map.Entry<String, String>> params, int defaultLimit, int maxLimit) {
        String checkedVisibility = last(params, "visibility");
        if (checkedVisibility != null && !checkedVisibility.isEmpty()) {
            oneOf(checkedVisibility, VISIBILITIES, "Invalid visibility value: " + checkedVisibility);
        }
        String changesSince = last(params, "changes-since");
        if (changesSince != null && !changesSince.isEmpty()) {
            throw new InvalidInputException("The \"changes-since\" filter is no longer available on v2.");
        }
        String memberStatus = first(params, "member_status");
        if (memberStatus != null) {
            oneOf(memberStatus, MEMBER_STATUSES, "Invalid status: " + memberStatus);
        }
        int limit = limit(first(params, "limit"), defaultLimit, maxLimit);
        List<SortKey> sort = sort(params);
        String hidden = last(params, "os_hidden");
        boolean osHidden = hidden != null && bool(hidden.toLowerCase(java.util.Locale.ROOT), "os_hidden");
        String protectedValue = last(params, "protected");
        Boolean isProtected = protectedValue == null ? null : bool(protectedValue, "protected");

        // Glance's database layer reads the remaining filters as a dict: a repeated key keeps its first
        // place and its last value. Every tag parameter counts; a "tags" parameter only without them.
        List<String> tags = new ArrayList<>();
        Map<String, String> filters = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : params) {
            if (p.getKey().equals("tag")) {
                tags.add(p.getValue().strip());
            } else if (!PAGING.contains(p.getKey()) && !CHECKED_EARLIER.contains(p.getKey())) {
                filters.put(p.getKey(), p.getValue());
            }
        }
        String tagsValue = filters.remove("tags");
        if (tags.isEmpty() && tagsValue != null) {
            tagsValue.chars().forEach(c -> tags.add(String.valueOf((char) c))); // as Glance does
        }
        filters.remove("deleted"); // Glance's controller overwrites it with deleted=False

        Map<String, List<String>> exact = new LinkedHashMap<>();
        List<TimeFilter> times = new ArrayList<>();
        Map<String, String> properties = new LinkedHashMap<>();
        Long sizeMin = null;
        Long sizeMax = null;
        for (Map.Entry<String, String> p : filters.entrySet()) {
            String key = p.getKey();
            String value = p.getValue();
            switch (key) {
                case "size_min" -> sizeMin = rangeValue(value);
                case "size_max" -> sizeMax = rangeValue(value);
                case "created_at", "updated_at" -> times.add(timeFilter(key, value));
                default -> {
                    if (IN_FILTERS.contains(key)) {
                        exact.put(key, inValues(key, value));
                    } else if (TEXT_COLUMNS.contains(key)) {
                        exact.put(key, List.of(value));
                    } else if (NUMBER_COLUMNS.contains(key)) {
                        exact.put(key, List.of(String.valueOf(rangeValue(value))));
                    } else {
                        properties.put(key, value);
                    }
                }
            }
        }
        // Glance validates the last visibility given but filters on the first one.
        return new ImageQuery(exact, times, sizeMin, sizeMax, first(params, "visibility"), memberStatus, osHidden,
                isProtected, tags, properties, sort, limit, first(params, "marker"));
    }

    /**
     * Python's {@code int(limit)}: surrounding blanks, a sign and digit-separating underscores are fine, and
     * any size is an integer (then clamped to the maximum, like every limit above it).
     */
    static int limit(String value, int defaultLimit, int maxLimit) {
        if (value == null) {
            return Math.min(defaultLimit, maxLimit);
        }
        String text = value.strip();
        if (!PYTHON_INT.matcher(text).matches()) {
            throw new InvalidInputException("limit param must be an integer");
        }
        BigInteger limit = new BigInteger(text.replace("_", ""));
        if (limit.signum() < 0) {
            throw new InvalidInputException("limit param must be positive");
        }
        return limit.min(BigInteger.valueOf(maxLimit)).intValue();
    }

    /**
     * Either the classic sort_key/sort_dir pairs or the newer sort=k1:dir,k2 syntax, never both; then the
     * tie-breakers Glance's database layer appends: created_at and id, in the one direction given (or desc).
     */
    static List<SortKey> sort(List<Map.Entry<String, String>> params) {
        List<String> keys = new ArrayList<>();
        List<Boolean> ascending = new ArrayList<>();
        String sort = first(params, "sort");
        List<String> classicKeys = all(params, "sort_key");
        List<String> classicDirs = all(params, "sort_dir");
        if (sort != null) {
            if (!classicKeys.isEmpty() || !classicDirs.isEmpty()) {
                throw new InvalidInputException("Old and new sorting syntax cannot be combined");
            }
            for (String term : sort.strip().split(",", -1)) {
                int colon = term.indexOf(':');
                String dir = colon < 0 ? "" : term.substring(colon + 1);
                keys.add(sortKey((colon < 0 ? term : term.substring(0, colon)).strip()));
                ascending.add(ascending(dir.isEmpty() ? "desc" : dir.strip()));
            }
        } else {
            classicKeys.forEach(k -> keys.add(sortKey(k.strip())));
            classicDirs.forEach(d -> ascending.add(ascending(d.strip())));
            if (ascending.size() > 1 && ascending.size() != keys.size()) {
                throw new InvalidInputException("Number of sort dirs does not match the number of sort keys");
            }
        }
        if (keys.isEmpty()) {
            keys.add("created_at");
        }
        boolean defaultAscending = ascending.size() == 1 && ascending.get(0);
        List<SortKey> order = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            order.add(new SortKey(keys.get(i), ascending.size() > 1 ? ascending.get(i) : defaultAscending));
        }
        for (String tieBreaker : List.of("created_at", "id")) {
            if (!keys.contains(tieBreaker)) {
                order.add(new SortKey(tieBreaker, defaultAscending));
            }
        }
        return order;
    }

    private static String sortKey(String key) {
        if (!SORT_KEYS.contains(key)) {
            throw new InvalidInputException("Invalid sort key: " + key + ". It must be one of the following: "
                    + String.join(", ", SORT_KEYS) + ".");
        }
        return key;
    }

    private static boolean ascending(String dir) {
        return switch (dir) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw new InvalidInputException("Invalid sort direction: " + dir);
        };
    }

    /**
     * Glance's split_filter_op for name, id, status and the formats: {@code eq:} or no operator means one
     * exact value, {@code in:} a list; a value that is a whole ISO 8601 time is never split.
     */
    static List<String> inValues(String key, String value) {
        int colon = value.indexOf(':');
        if (colon < 0 || isIsoTime(value)) {
            return List.of(value);
        }
        String op = value.substring(0, colon);
        String rest = value.substring(colon + 1);
        return switch (op) {
            case "eq" -> List.of(rest);
            case "in" -> quotedList(rest);
            default -> throw new InvalidInputException("Unable to filter by unknown operator '" + op + "'.");
        };
    }

    /** {@code a,"b,c",d}: commas separate, double quotes may hold commas. */
    static List<String> quotedList(String text) {
        List<String> values = new ArrayList<>();
        if (text.isEmpty()) {
            return values;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                if (!quoted && current.length() > 0) {
                    throw invalidFilter(text, "There is no comma before opening quotation mark.");
                }
                if (quoted && i + 1 < text.length() && text.charAt(i + 1) != ',') {
                    throw invalidFilter(text, "There is no comma after closing quotation mark.");
                }
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                values.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw invalidFilter(text, "The quote is not closed.");
        }
        if (current.length() > 0 || !text.endsWith(",")) {
            values.add(current.toString());
        }
        return values;
    }

    private static InvalidInputException invalidFilter(String value, String problem) {
        return new InvalidInputException("Invalid filter value " + value + ". " + problem);
    }

    private static boolean isIsoTime(String value) {
        try {
            isoTime(value, "");
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    private static TimeFilter timeFilter(String column, String value) {
        String op = "eq";
        String text = value;
        int colon = value.indexOf(':');
        if (colon >= 0 && !isIsoTime(value)) {
            op = value.substring(0, colon);
            text = value.substring(colon + 1);
        }
        Instant when = isoTime(text, column);
        if (!TIME_OPERATORS.contains(op)) {
            throw new InvalidInputException("Unable to filter on a unknown operator.");
        }
        return new TimeFilter(column, op, when);
    }

    /** ISO 8601 as Glance's iso8601 library reads it: a date, or date and time with optional offset. */
    static Instant isoTime(String text, String column) {
        String t = text.strip();
        try {
            if (t.matches("\\d{4}")) {
                return java.time.LocalDate.of(Integer.parseInt(t), 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (t.matches("\\d{4}-\\d{2}")) {
                return java.time.YearMonth.parse(t).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return java.time.LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            String normal = t.replace(' ', 'T').replaceFirst("Z$", "+00:00");
            try {
                return OffsetDateTime.parse(normal).toInstant();
            } catch (DateTimeParseException noOffset) {
                return java.time.LocalDateTime.parse(normal).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new InvalidInputException("Bad \"" + column + "\" query filter format. Use ISO 8601 DateTime"
                    + " notation.");
        }
    }

    private static Long rangeValue(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("Unable to filter on a range with a non-numeric value.");
        }
    }

    private static String oneOf(String value, Set<String> allowed, String message) {
        if (!allowed.contains(value)) {
            throw new InvalidInputException(message);
        }
        return value;
    }

    private static boolean bool(String value, String name) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidInputException("Invalid value '" + value + "' for '" + name
                    + "' filter. Valid values are 'true' or 'false'.");
        };
    }

    private static String first(List<Map.Entry<String, String>> params, String key) {
        return params.stream().filter(p -> p.getKey().equals(key)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** What webob's {@code params.get(key)} gives: the last value. */
    private static String last(List<Map.Entry<String, String>> params, String key) {
        String value = null;
        for (Map.Entry<String, String> p : params) {
            if (p.getKey().equals(key)) {
                value = p.getValue();
            }
        }
        return value;
    }

    private static List<String> all(List<Map.Entry<String, String>> params, String key) {
        return params.stream().filter(p -> p.getKey().equals(key)).map(Map.Entry::getValue).toList();
    }
}
