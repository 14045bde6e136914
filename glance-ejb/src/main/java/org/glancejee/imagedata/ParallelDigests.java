package org.glancejee.imagedata;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;

/**
 * Wraps an upload stream and computes several digests of the bytes that pass through, each on its own
 * worker thread, so MD5 and SHA-512 (about 550 MB/s each on one core) do not add up on the upload path.
 * Bytes are handed over in 1 MiB chunks through short bounded queues: memory stays a few MiB per upload
 * whatever the image size, and a slow digest slows the upload instead of piling up data.
 */
public final class ParallelDigests extends FilterInputStream {
    private static final int CHUNK = 1 << 20;
    private static final int QUEUED_CHUNKS = 4;
    private static final byte[] END = new byte[0];

    private final List<Worker> workers = new ArrayList<>();
    private byte[] pending = new byte[CHUNK];
    private int pendingLength;
    private long count;
    private boolean finished;

    /** @param algorithms JCA names, e.g. "MD5", "SHA-512"; results come back in the same order */
    public ParallelDigests(InputStream in, Executor executor, String... algorithms) {
        super(in);
        for (String algorithm : algorithms) {
            Worker worker = new Worker(digest(algorithm));
            workers.add(worker);
            executor.execute(worker.task);
        }
    }

    /** Bytes read so far. */
    public long count() {
        return count;
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
            count += n;
            int copied = 0;
            while (copied < n) {
                int room = Math.min(CHUNK - pendingLength, n - copied);
                System.arraycopy(b, off + copied, pending, pendingLength, room);
                pendingLength += room;
                copied += room;
                if (pendingLength == CHUNK) {
                    handOver();
                }
            }
        }
        return n;
    }

    @Override
    public long skip(long n) {
        throw new UnsupportedOperationException("every byte must be digested");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Hands over what is left, waits for the workers and returns the hex digests in algorithm order. */
    public List<String> finish() throws IOException {
        if (pendingLength > 0) {
            handOver();
        }
        finished = true;
        List<String> results = new ArrayList<>();
        for (Worker worker : workers) {
            put(worker, END);
        }
        for (Worker worker : workers) {
            try {
                results.add(HexFormat.of().formatHex(worker.task.get()));
            } catch (ExecutionException e) {
                throw new IOException("digest failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while digesting", e);
            }
        }
        return results;
    }

    /** Stops the workers without waiting for results; for failed uploads. Idempotent. */
    public void abandon() {
        if (finished) {
            return;
        }
        finished = true;
        for (Worker worker : workers) {
            worker.task.cancel(true);
        }
    }

    @Override
    public void close() throws IOException {
        abandon();
        super.close();
    }

    private void handOver() throws IOException {
        byte[] chunk = pendingLength == CHUNK ? pending : java.util.Arrays.copyOf(pending, pendingLength);
        for (Worker worker : workers) {
            put(worker, chunk);
        }
        pending = new byte[CHUNK];
        pendingLength = 0;
    }

    private static void put(Worker worker, byte[] chunk) throws IOException {
        try {
            worker.queue.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while digesting", e);
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("unknown digest " + algorithm, e);
        }
    }

    private static final class Worker {
        final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
        final FutureTask<byte[]> task;

        Worker(MessageDigest digest) {
            task = new FutureTask<>(() -> {
                for (byte[] chunk = queue.take(); chunk != END; chunk = queue.take()) {
                    digest.update(chunk);
                }
                return digest.digest();
            });
        }
    }

}
