package org.glancejee.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The right side of a check, which oslo.policy formats with the target as {@code match % target}:
 * literal text with {@code %(key)s} slots (the key, dots and all, is one key of the target map) and
 * {@code %%} for a percent sign. Matching walks the parts in place, so a check allocates nothing.
 */
final class TargetTemplate {

    private record Slot(String key) {
    }

    /** Literal strings and slots, in order. */
    private final Object[] parts;

    private TargetTemplate(Object[] parts) {
        this.parts = parts;
    }

    /**
     * The template of {@code match}, or empty when it uses % syntax other than {@code %(key)s} and
     * {@code %%} (other conversions, or a bare %, which make Python raise).
     */
    static Optional<TargetTemplate> parse(String match) {
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < match.length()) {
            char c = match.charAt(i);
            if (c != '%') {
                literal.append(c);
                i++;
            } else if (match.startsWith("%%", i)) {
                literal.append('%');
                i += 2;
            } else if (match.startsWith("%(", i)) {
                int close = closingParenthesis(match, i + 2);
                if (close < 0 || close + 1 >= match.length() || match.charAt(close + 1) != 's') {
                    return Optional.empty();
                }
                if (!literal.isEmpty()) {
                    parts.add(literal.toString());
                    literal.setLength(0);
                }
                parts.add(new Slot(match.substring(i + 2, close)));
                i = close + 2;
            } else {
                return Optional.empty();
            }
        }
        if (!literal.isEmpty() || parts.isEmpty()) {
            parts.add(literal.toString());
        }
        return Optional.of(new TargetTemplate(parts.toArray()));
    }

    /** Python's mapping key may itself hold balanced parentheses: "%(a(b))s" names "a(b)". */
    private static int closingParenthesis(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    boolean isConstant() {
        return parts.length == 1 && parts[0] instanceof String;
    }

    /** The text when {@link #isConstant()}. */
    String constant() {
        return (String) parts[0];
    }

    /** True when every slot's key is in the target (Python raises KeyError otherwise, and the check fails). */
    boolean canFormat(Map<String, ?> target) {
        for (Object part : parts) {
            if (part instanceof Slot slot && !target.containsKey(slot.key())) {
                return false;
            }
        }
        return true;
    }

    /** {@code match % target}; only for a target that {@link #canFormat(Map)}. */
    String format(Map<String, ?> target) {
        if (isConstant()) {
            return constant();
        }
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            out.append(part instanceof Slot slot ? PythonStr.of(target.get(slot.key())) : (String) part);
        }
        return out.toString();
    }

    /** {@code candidate == match % target}, false when a key is missing. */
    boolean matches(String candidate, Map<String, ?> target) {
        int at = 0;
        for (Object part : parts) {
            String expected;
            if (part instanceof Slot slot) {
                Object value = target.get(slot.key());
                if (value == null && !target.containsKey(slot.key())) {
                    return false;
                }
                expected = PythonStr.of(value);
            } else {
                expected = (String) part;
            }
            if (!candidate.startsWith(expected, at)) {
                return false;
            }
            at += expected.length();
        }
        return at == candidate.length();
    }
}
