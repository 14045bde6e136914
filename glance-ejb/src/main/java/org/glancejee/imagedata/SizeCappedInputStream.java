package org.glancejee.imagedata;

import org.glancejee.domain.LimitExceededException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/** Refuses (413) as soon as more than {@code cap} bytes have come through, instead of storing them first. */
public final class SizeCappedInputStream extends FilterInputStream {
    private final long cap;
    private final Supplier<? extends RuntimeException> refusal;
    private long count;

    /** Capped at image_size_cap: refused as Glance refuses an image that is too large. */
    public SizeCappedInputStream(InputStream in, long cap) {
        this(in, cap, () -> new LimitExceededException("The incoming image is too large: The provided image is too"
                + " large."));
    }

    /** @param refusal what is thrown when the cap is passed */
    public SizeCappedInputStream(InputStream in, long cap, Supplier<? extends RuntimeException> refusal) {
        super(in);
        this.cap = cap;
        this.refusal = refusal;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    private void counted(int n) {
        count += n;
        if (count > cap) {
            throw refusal.get();
        }
    }
}
