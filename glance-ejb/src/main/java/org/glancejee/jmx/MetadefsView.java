package org.glancejee.jmx;

import org.glancejee.metadefs.MetadefCatalogue;
import org.glancejee.metadefs.MetadefLoader;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** The catalogue's operations over JMX: plain strings in and out, so jconsole and scripts can call them. */
class MetadefsView implements MetadefsMXBean {
    private final MetadefCatalogue catalogue;

    MetadefsView(MetadefCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public String load(String path, boolean merge, boolean preferNew, boolean overwrite) {
        return report(catalogue.load(Path.of(path), new MetadefLoader.Options(merge, preferNew, overwrite)));
    }

    @Override
    public String loadShipped(boolean merge, boolean preferNew, boolean overwrite) {
        return report(catalogue.loadShipped(new MetadefLoader.Options(merge, preferNew, overwrite)));
    }

    @Override
    public String export(String directory) {
        return catalogue.export(Path.of(directory)).stream().map(Path::toString).collect(Collectors.joining("\n"));
    }

    @Override
    public int unload() {
        return catalogue.unload();
    }

    private static String report(Map<String, String> outcomes) {
        return outcomes.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n"));
    }
}
