package org.glancejee.imagedata.formats;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes a stream through unchanged, showing every byte to a {@link FormatInspector} on the way. */
public final class InspectingInputStream extends FilterInputStream {
    private final FormatInspector inspector;
    private long count;

    public InspectingInputStream(InputStream in, FormatInspector inspector) {
        super(in);
        this.inspector = inspector;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            inspector.update(b, off, n);
            count += n;
        }
        return n;
    }

    /** What the inspector made of the bytes read so far. */
    public ImageContent result() {
        return inspector.result(count);
    }
}
