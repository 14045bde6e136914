package org.glancejee.imagedata;

import org.glancejee.domain.InvalidInputException;
import org.glancejee.domain.RangeNotSatisfiableException;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One inclusive byte range of image data, as a download's Range header asks for it. */
public record ByteRange(long first, long last, long total) {
    private static final Pattern RANGE = Pattern.compile("^bytes=(\\d*)-(\\d*)$");
    private static final Pattern CONTENT_RANGE = Pattern.compile("^bytes (\\d+)-(\\d+)/(\\d+|\\*)$");

    public long length() {
        return last - first + 1;
    }

    /** The Content-Range response value, e.g. {@code bytes 0-15/1048576}. */
    public String contentRange() {
        return "bytes " + first + "-" + last + "/" + total;
    }

    /**
     * Reads a {@code Range} header (or Glance's legacy {@code Content-Range} request header) against data of
     * {@code size} bytes. No header: empty. Several ranges: 400, as Glance. Outside the data: 416.
     */
    public static Optional<ByteRange> parse(String range, String legacyContentRange, long size) {
        if (range != null && !range.isBlank()) {
            String value = range.strip();
            if (value.contains(",")) {
                throw new InvalidInputException("Requests with multiple ranges are not supported in Glance. You may"
                        + " make multiple single-range requests instead.");
            }
            Matcher m = RANGE.matcher(value);
            if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
                throw unsatisfiable(size);
            }
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0 || size == 0) {
                    throw unsatisfiable(size);
                }
                return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1, size));
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (first >= size || last < first) {
                throw unsatisfiable(size);
            }
            return Optional.of(new ByteRange(first, last, size));
        }
        if (legacyContentRange != null && !legacyContentRange.isBlank()) {
            Matcher m = CONTENT_RANGE.matcher(legacyContentRange.strip());
            if (!m.matches()) {
                throw unsatisfiable(size);
            }
            long first = Long.parseLong(m.group(1));
            long last = Math.min(Long.parseLong(m.group(2)), size - 1);
            if (first >= size || last < first) {
                throw unsatisfiable(size);
            }
            return Optional.of(new ByteRange(first, last, size));
        }
        return Optional.empty();
    }

    private static RangeNotSatisfiableException unsatisfiable(long size) {
        return new RangeNotSatisfiableException(null, "Invalid start position in Range header. Start position MUST be"
                + " in the inclusive range [0, " + Math.max(0, size - 1) + "].");
    }
}
