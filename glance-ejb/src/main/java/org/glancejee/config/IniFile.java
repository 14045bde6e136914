package org.glancejee.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an INI file the way Python's configparser does for Glance's own files: sections in file order,
 * option names in lower case, {@code =} or {@code :} separators, {@code #}/{@code ;} comment lines,
 * indented continuation lines, {@code %%} for a percent sign, {@code [DEFAULT]} values inherited by
 * every section, and duplicate sections or options refused.
 */
public final class IniFile {
    private IniFile() {
    }

    /** @throws IllegalArgumentException naming the line when the file is malformed */
    public static Map<String, Map<String, String>> read(Reader source) throws IOException {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> defaults = new LinkedHashMap<>();
        Map<String, String> current = null;
        String lastKey = null;
        int number = 0;
        BufferedReader reader = new BufferedReader(source);
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
                continue;
            }
            boolean continuation = Character.isWhitespace(line.charAt(0)) && lastKey != null;
            if (continuation) {
                current.put(lastKey, current.get(lastKey) + "\n" + unescape(stripped, number));
            } else if (stripped.startsWith("[") && stripped.endsWith("]")) {
                String name = stripped.substring(1, stripped.length() - 1);
                if (name.equals("DEFAULT")) {
                    current = defaults;
                } else if (sections.containsKey(name)) {
                    throw new IllegalArgumentException("line " + number + ": section [" + name + "] appears twice");
                } else {
                    current = new LinkedHashMap<>();
                    sections.put(name, current);
                }
                lastKey = null;
            } else {
                int separator = firstSeparator(stripped);
                if (current == null || separator <= 0) {
                    throw new IllegalArgumentException("line " + number + ": expected [section] or name = value");
                }
                String key = stripped.substring(0, separator).strip().toLowerCase(Locale.ROOT);
                if (current.containsKey(key)) {
                    throw new IllegalArgumentException("line " + number + ": option '" + key + "' appears twice");
                }
                current.put(key, unescape(stripped.substring(separator + 1).strip(), number));
                lastKey = key;
            }
        }
        for (Map<String, String> section : sections.values()) {
            defaults.forEach(section::putIfAbsent);
        }
        return sections;
    }

    private static int firstSeparator(String line) {
        int equals = line.indexOf('=');
        int colon = line.indexOf(':');
        if (equals < 0) {
            return colon;
        }
        return colon < 0 ? equals : Math.min(equals, colon);
    }

    private static String unescape(String value, int number) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 1 < value.length() && value.charAt(i + 1) == '%') {
                    out.append('%');
                    i++;
                    continue;
                }
                throw new IllegalArgumentException("line " + number + ": '%' must be written '%%'");
            }
            out.append(c);
        }
        return out.toString();
    }
}
