package org.glancejee.imports.plugins;

import java.util.logging.Logger;

/** Glance's no_op plugin: says it ran, changes nothing. */
final class NoOp implements ImportPlugin {
    private static final Logger LOG = Logger.getLogger(NoOp.class.getName());

    @Override
    public String name() {
        return "no_op";
    }

    @Override
    public void apply(StagedImage image) {
        LOG.fine("no_op import plugin ran on " + image.file().getFileName());
    }
}
