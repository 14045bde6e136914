package org.glancejee.jmx;

/**
 * The metadata definitions catalogue's admin operations, as Glance's {@code glance-manage db load_metadefs},
 * {@code export_metadefs} and {@code unload_metadefs}. Paths are on the server's file system. Reports are
 * one line per file.
 */
public interface MetadefsMXBean {

    /**
     * Loads the {@code .json} files of a directory (or one file): a namespace that exists is skipped, unless
     * {@code overwrite} (replaced whole) or {@code merge} (what it lacks is added; {@code preferNew}: what it
     * has takes the file's values too).
     */
    String load(String path, boolean merge, boolean preferNew, boolean overwrite);

    /** Loads the definitions this service ships, with the same options. */
    String loadShipped(boolean merge, boolean preferNew, boolean overwrite);

    /** Writes every namespace to a file in the directory; returns the files written. */
    String export(String directory);

    /** Deletes the whole catalogue; returns how many namespaces went. */
    int unload();
}
