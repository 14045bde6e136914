package org.glancejee.imports.plugins;

import java.io.IOException;

/** One step of the import pipeline, run on the staged data before it goes to the store. */
public interface ImportPlugin {

    /** The name operators list in {@code image_import_plugins}. */
    String name();

    /** Works on the staged data; refusals are domain exceptions that fail the import with their message. */
    void apply(StagedImage image) throws IOException;
}
