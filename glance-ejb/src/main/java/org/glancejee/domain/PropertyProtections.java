package org.glancejee.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Glance's property protections: who may create, read, update and delete which custom properties.
 * Sections are regular expressions over property names, tried in file order; the first that matches
 * decides. A property no section matches is closed to everyone; {@code @} opens an operation to any
 * caller and {@code !} closes it. In the {@code roles} format an operation lists roles; in the
 * {@code policies} format it names one policy rule.
 */
public final class PropertyProtections {
    public enum Operation { CREATE, READ, UPDATE, DELETE }

    public enum Format { ROLES, POLICIES }

    /** Evaluates a named policy rule for a caller (the policies format). */
    public interface PolicyCheck {
        boolean allowed(String rule, RequestContext caller);
    }

    /** No protections configured: every operation on every property is allowed. */
    public static final PropertyProtections NONE = new PropertyProtections(List.of(), Format.ROLES, (r, c) -> true);

    /** One section of the file. Permissions are role names (lower case) or a single rule name. */
    public record Section(String expression, Pattern pattern, Map<Operation, List<String>> permissions) {
    }

    /** Property names whose section is remembered; callers can invent names, so this is bounded. */
    private static final int MEMO_LIMIT = 4096;
    private static final Section NO_SECTION = new Section("", null, Map.of());

    private final List<Section> sections;
    private final Format format;
    private final PolicyCheck policies;
    private final Map<String, Section> sectionByProperty = new ConcurrentHashMap<>();

    private PropertyProtections(List<Section> sections, Format format, PolicyCheck policies) {
        this.sections = List.copyOf(sections);
        this.format = format;
        this.policies = policies;
    }

    /**
     * @param sections section name (a regular expression) → operation name → the raw value, in file order
     * @throws IllegalArgumentException with the reason when the configuration is not valid; Glance then
     *                                  refuses to start, and so should the caller
     */
    public static PropertyProtections of(Map<String, Map<String, String>> sections, Format format,
                                         PolicyCheck policies) {
        List<Section> parsed = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> section : sections.entrySet()) {
            String expression = section.getKey();
            Pattern pattern;
            try {
                pattern = Pattern.compile(expression);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("malformed property protection rule [" + expression + "]: "
                        + e.getDescription());
            }
            Map<Operation, List<String>> permissions = new EnumMap<>(Operation.class);
            for (Operation operation : Operation.values()) {
                String key = operation.name().toLowerCase(Locale.ROOT);
                String value = section.getValue().get(key);
                if (value == null) {
                    throw new IllegalArgumentException("[" + expression + "] has no '" + key + "' operation");
                }
                permissions.put(operation, permissions(expression, key, value.strip(), format));
            }
            parsed.add(new Section(expression, pattern, permissions));
        }
        return new PropertyProtections(parsed, format, policies);
    }

    private static List<String> permissions(String expression, String operation, String value, Format format) {
        if (value.isEmpty()) {
            return List.of();
        }
        if (format == Format.POLICIES) {
            if (value.contains(",")) {
                throw new IllegalArgumentException("[" + expression + "] " + operation + ": multiple policies '"
                        + value + "' are not allowed; combine them in the policy file");
            }
            return List.of(value);
        }
        List<String> roles = new ArrayList<>();
        for (String role : value.split(",")) {
            roles.add(role.strip().toLowerCase(Locale.ROOT));
        }
        if (roles.contains("@") && roles.contains("!")) {
            throw new IllegalArgumentException("[" + expression + "] " + operation + "=" + value
                    + ": '@' and '!' are mutually exclusive");
        }
        return List.copyOf(roles);
    }

    public boolean enabled() {
        return !sections.isEmpty();
    }

    /** The custom properties a caller may see; views leave out the others. */
    public Predicate<String> readableBy(RequestContext caller) {
        return sections.isEmpty() ? property -> true : property -> allows(property, Operation.READ, caller);
    }

    public boolean allows(String property, Operation operation, RequestContext caller) {
        if (sections.isEmpty()) {
            return true;
        }
        Section section = sectionByProperty.get(property);
        if (section == null) {
            section = firstMatching(property);
            if (sectionByProperty.size() < MEMO_LIMIT) {
                sectionByProperty.put(property, section);
            }
        }
        List<String> allowed = section.permissions().getOrDefault(operation, List.of());
        if (allowed.isEmpty() || allowed.contains("!")) {
            return false;
        }
        if (allowed.contains("@")) {
            return true;
        }
        if (format == Format.POLICIES) {
            return policies.allowed(allowed.get(0), caller);
        }
        return hasAny(caller.roles(), allowed) || hasAny(caller.serviceRoles(), allowed);
    }

    private Section firstMatching(String property) {
        for (Section section : sections) {
            if (section.pattern().matcher(property).find()) {
                return section;
            }
        }
        return NO_SECTION;
    }

    private static boolean hasAny(Set<String> roles, List<String> allowed) {
        for (String role : roles) {
            if (allowed.contains(role.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
