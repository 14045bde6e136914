package org.glancejee.cache;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Passes image data through to its reader while writing a copy into the cache. The copy becomes a cache entry
 * only when the reader reached the end and the bytes have the image's size and MD5 checksum; a reader that
 * stops early, a source that fails or a cache disk that fails leaves nothing in the cache. A failing cache
 * never fails the download.
 */
final class CacheFillingStream extends FilterInputStream {
    private static final Logger LOG = Logger.getLogger("org.glancejee.cache");

    /** What the cache does with a finished or abandoned fill. */
    interface Outcome {
        void commit() throws IOException;

        void abandon();
    }

    private final String imageId;
    private final long size;
    private final String checksum;
    private final Outcome outcome;
    private final MessageDigest md5;
    private OutputStream copy;
    private long read;
    private boolean finished;

    CacheFillingStream(InputStream source, OutputStream copy, String imageId, long size, String checksum,
                       Outcome outcome) {
        super(source);
        this.copy = copy;
        this.imageId = imageId;
        this.size = size;
        this.checksum = checksum;
        this.outcome = outcome;
        try {
            this.md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = super.read(buffer, offset, length);
        } catch (IOException | RuntimeException e) {
            stopFilling("the source failed");
            throw e;
        }
        if (n < 0) {
            finish();
        } else if (copy != null) {
            read += n;
            md5.update(buffer, offset, n);
            try {
                copy.write(buffer, offset, n);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Cannot write image " + imageId + " into the cache; serving it uncached", e);
                stopFilling(null);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes would be missing from the copy.
        stopFilling("the reader skipped data");
        return super.skip(n);
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            if (!finished) {
                stopFilling(null);
            }
        }
    }

    private void finish() {
        if (finished || copy == null) {
            finished = true;
            return;
        }
        finished = true;
        try {
            copy.close();
            copy = null;
            String digest = HexFormat.of().formatHex(md5.digest());
            if (read == size && digest.equalsIgnoreCase(checksum)) {
                outcome.commit();
            } else {
                LOG.warning("Not caching image " + imageId + ": read " + read + " bytes with MD5 " + digest
                        + ", the image has " + size + " bytes with MD5 " + checksum);
                outcome.abandon();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot finish caching image " + imageId, e);
            outcome.abandon();
        }
    }

    private void stopFilling(String why) {
        finished = true;
        if (copy == null) {
            return;
        }
        try {
            copy.close();
        } catch (IOException e) {
            // abandoned anyway
        }
        copy = null;
        if (why != null) {
            LOG.fine("Not caching image " + imageId + ": " + why);
        }
        outcome.abandon();
    }
}
