package org.glancejee.imports;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.glancejee.config.ImageFormatSettings;
import org.glancejee.domain.GlanceException;
import org.glancejee.domain.ImageFormatRules;
import org.glancejee.domain.ImportMethod;
import org.glancejee.domain.ImportedData;
import org.glancejee.domain.RequestContext;
import org.glancejee.imagedata.formats.FormatInspector;
import org.glancejee.imagedata.formats.ImageContent;
import org.glancejee.imports.plugins.ImportPlugin;
import org.glancejee.imports.plugins.ImportPlugins;
import org.glancejee.imports.plugins.StagedImage;
import org.glancejee.service.ImageQuotas;
import org.glancejee.service.StoreWriter;
import org.glancejee.store.StagingArea;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One import task from start to end: take the task, bring the data into staging, run the import plugins on
 * it and check its format, then copy it into the store while hashing and turn the image active. Any failure
 * fails the task, puts the image back to queued and removes what the import wrote, in staging and the store.
 */
@ApplicationScoped
public class ImportJob {
    private static final Logger LOG = Logger.getLogger(ImportJob.class.getName());

    @Inject
    ImportTransactions transactions;

    @Inject
    StagingArea staging;

    @Inject
    ImportSources sources;

    @Inject
    StoreWriter writer;

    @Inject
    ImageQuotas quotas;

    @Inject
    ImageFormatSettings imageFormats;

    @Inject
    ImportPlugins plugins;

    /** @param token the caller's Keystone token, for glance-download; kept in memory only */
    public void run(RequestContext caller, String taskId, Optional<String> token) {
        ImportWork work;
        try {
            work = transactions.startProcessing(taskId);
        } catch (RuntimeException e) {
            fail(taskId, null, e);
            return;
        }
        StoreWriter.Written written = null;
        try {
            quotas.checkImport(caller, work.method() == ImportMethod.GLANCE_DIRECT, work.stagedSize());
            TaskProgress progress = new TaskProgress(transactions, taskId);
            Optional<GlanceDownload.RemoteImage> remote = sources.fill(work, progress::fetched, token);
            Path file = staging.file(work.imageId());
            StagedImage staged = new StagedImage(file, work.diskFormat(), work.containerFormat(), work.properties(),
                    caller.roles());
            remote.ifPresent(r -> staged.adopt(r.diskFormat(), r.containerFormat(), r.properties()));
            if (work.method().bringsNewData()) {
                for (ImportPlugin plugin : plugins.enabled()) {
                    plugin.apply(staged);
                }
            }
            Optional<Long> virtualSize = inspect(staged).or(staged::virtualSize);
            try (InputStream in = Files.newInputStream(file)) {
                written = writer.write(work.imageId(), in, Files.size(file), progress::counting,
                        stored -> quotas.recheckStored(caller, work.imageId(), stored.size()));
            }
            transactions.completeImport(taskId, written.storeId(), written.stored().location(),
                    new ImportedData(written.stored().size(), written.md5(), written.hashAlgorithm(),
                            written.hashValue(), staged.changedDiskFormat(), staged.changedContainerFormat(),
                            virtualSize, staged.addedProperties()));
            written = null;
            removeStaged(work.imageId());
        } catch (Exception e) {
            if (written != null) {
                writer.discard(written.storeId(), written.stored().location());
            }
            fail(taskId, work.imageId(), e);
        }
    }

    /** The staged data must be safe and of the declared format, as an upload's must. */
    private Optional<Long> inspect(StagedImage staged) throws IOException {
        ImageContent content = FormatInspector.inspect(staged.file(), imageFormats.vmdkAllowedTypes());
        return ImageFormatRules.check(staged.diskFormat(), staged.containerFormat(), content.format(),
                content.virtualSize(), content.unsafe(), imageFormats.requireImageFormatMatch());
    }

    private void fail(String taskId, String imageId, Exception e) {
        String why;
        if (e instanceof GlanceException g) {
            why = g.getMessage();
            LOG.info("Import task " + taskId + " failed: " + why);
        } else {
            why = "Task failed due to Internal Error";
            LOG.log(Level.WARNING, "Import task " + taskId + " failed", e);
        }
        if (imageId != null) {
            removeStaged(imageId);
        }
        try {
            transactions.failImport(taskId, why);
        } catch (RuntimeException again) {
            LOG.log(Level.SEVERE, "Could not record the failure of import task " + taskId, again);
        }
    }

    private void removeStaged(String imageId) {
        try {
            staging.delete(imageId);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not remove staged data of image " + imageId, e);
        }
    }
}
