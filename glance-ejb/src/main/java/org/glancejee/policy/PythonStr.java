package org.glancejee.policy;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Python's {@code str()} of the values that reach a check: oslo.policy compares {@code str(value)} with
 * the expected text, so {@code null} is {@code "None"} and booleans are {@code "True"}/{@code "False"}.
 */
final class PythonStr {
    private PythonStr() {
    }

    static String of(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof Collection<?> items) {
            return joined(items.iterator(), "[", "]");
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (out.length() > 1) {
                    out.append(", ");
                }
                out.append(repr(entry.getKey())).append(": ").append(repr(entry.getValue()));
            }
            return out.append('}').toString();
        }
        return value.toString();
    }

    private static String joined(Iterator<?> items, String open, String close) {
        StringBuilder out = new StringBuilder(open);
        while (items.hasNext()) {
            out.append(repr(items.next()));
            if (items.hasNext()) {
                out.append(", ");
            }
        }
        return out.append(close).toString();
    }

    /** Python's repr() for the element types above: strings quoted as Python quotes them. */
    private static String repr(Object value) {
        if (!(value instanceof String s)) {
            return of(value);
        }
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.append(quote).toString();
    }
}
