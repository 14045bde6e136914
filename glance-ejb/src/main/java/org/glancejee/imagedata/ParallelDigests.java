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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps an upload stream and computes several digests of the bytes that pass through, each on its own
 * worker thread, so MD5 and SHA-512 (about 550 MB/s each on one core) do not add up on the upload path.
 * <p>
 * Bytes are copied into a small fixed set of buffers that every worker reads and the last one hands back:
 * memory stays {@value #BUFFERS} x {@value #CHUNK} bytes per upload whatever the image size, and a slow
 * digest slows the upload instead of piling up data. Nothing is allocated per chunk: a fresh 1 MiB array
 * per chunk is a humongous object for G1 with 1 MiB regions, and a 4 GiB upload cost some 130 young
 * collections that way; with the reused buffers it costs none.
 */
public final class ParallelDigests extends FilterInputStream {
    static final int CHUNK = 256 << 10;
    static final int BUFFERS = 16;
    private static final Chunk END = new Chunk(0);

    private final List<Worker> workers = new ArrayList<>();
    private final BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(BUFFERS);
    private int allocated;
    private Chunk pending;
    private long count;
    private boolean finished;

    /** @param algorithms JCA names, e.g. "MD5", "SHA-512"; results come back in the same order */
    public ParallelDigests(InputStream in, Executor executor, String... algorithms) {
        super(in);
        for (String algorithm : algorithms) {
            Worker worker = new Worker(digest(algorithm), free);
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
                if (pending == null) {
                    pending = emptyChunk();
                }
                int room = Math.min(CHUNK - pending.length, n - copied);
                System.arraycopy(b, off + copied, pending.data, pending.length, room);
                pending.length += room;
                copied += room;
                if (pending.length == CHUNK) {
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
        if (pending != null && pending.length > 0) {
            handOver();
        }
        finished = true;
        List<String> results = new ArrayList<>();
        for (Worker worker : workers) {
            worker.queue.add(END);
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

    /** Every worker gets the chunk; the worker queues hold all buffers, so adding never blocks. */
    private void handOver() {
        pending.readers.set(workers.size());
        for (Worker worker : workers) {
            worker.queue.add(pending);
        }
        pending = null;
    }

    /** A free buffer, a new one while fewer than BUFFERS exist, else waits until the slowest digest returns one. */
    private Chunk emptyChunk() throws IOException {
        Chunk chunk = free.poll();
        if (chunk != null) {
            return chunk;
        }
        if (allocated < BUFFERS) {
            allocated++;
            return new Chunk(CHUNK);
        }
        try {
            while ((chunk = free.poll(1, TimeUnit.SECONDS)) == null) {
                for (Worker worker : workers) {
                    if (worker.task.isDone()) {
                        throw new IOException("a digest worker stopped");
                    }
                }
            }
            return chunk;
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

    private static final class Chunk {
        final byte[] data;
        final AtomicInteger readers = new AtomicInteger();
        int length;

        Chunk(int size) {
            data = new byte[size];
        }
    }

    private static final class Worker {
        final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(BUFFERS + 1);
        final FutureTask<byte[]> task;

        Worker(MessageDigest digest, BlockingQueue<Chunk> free) {
            task = new FutureTask<>(() -> {
                for (Chunk chunk = queue.take(); chunk != END; chunk = queue.take()) {
                    digest.update(chunk.data, 0, chunk.length);
                    if (chunk.readers.decrementAndGet() == 0) {
                        chunk.length = 0;
                        free.add(chunk);
                    }
                }
                return digest.digest();
            });
        }
    }
}
