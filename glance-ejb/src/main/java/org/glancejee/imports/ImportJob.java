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
import org.glancejee.store.DataCopy;
import org.glancejee.store.ImageStores;
import org.glancejee.store.StagingArea;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    @Inject
    ImageStores stores;

    /** @param token the caller's Keystone token, for glance-download; kept in memory only */
    public void run(RequestContext caller, String taskId, Optional<String> token) {
        ImportWork work;
        try {
            work = transactions.startProcessing(taskId);
        } catch (RuntimeException e) {
            fail(taskId, null, e);
            return;
        }
        LOG.info("Import task " + taskId + " started: " + work.method().apiName() + " of image " + work.imageId());
        List<StoreWriter.Written> written = new ArrayList<>();
        try {
            quotas.checkImport(caller, work.method() == ImportMethod.GLANCE_DIRECT, work.stagedSize());
            TaskProgress progress = new TaskProgress(transactions, taskId);
            Optional<GlanceDownload.RemoteImage> remote = sources.fill(work, progress::fetched, token);
            Path file = staging.file(work.imageId());
            StagedImage staged = new StagedImage(file, work.diskFormat(), work.containerFormat(), work.properties(),
                    caller.roles());
            remote.ifPresent(r -> staged.adopt(r.diskFormat(), r.containerFormat(), r.properties()));
            Optional<Long> virtualSize = Optional.empty();
            if (work.method().bringsNewData()) {
                for (ImportPlugin plugin : plugins.enabled()) {
                    plugin.apply(staged);
                }
                virtualSize = inspect(staged).or(staged::virtualSize);
            }
            List<String> failed = copyToStores(caller, work, file, progress, written);
            Optional<ImportedData> data = Optional.empty();
            if (work.method().bringsNewData()) {
                StoreWriter.Written first = written.get(0);
                data = Optional.of(new ImportedData(first.stored().size(), first.md5(), first.hashAlgorithm(),
                        first.hashValue(), staged.changedDiskFormat(), staged.changedContainerFormat(),
                        virtualSize, staged.addedProperties()));
            }
            transactions.completeImport(taskId, written.stream()
                    .map(w -> new DataCopy(w.storeId(), w.stored().location())).toList(), failed, data);
            LOG.info("Import task " + taskId + " succeeded: image " + work.imageId() + " is in "
                    + written.stream().map(StoreWriter.Written::storeId).toList()
                    + (failed.isEmpty() ? "" : ", not in " + failed));
            written.clear();
            removeStaged(work.imageId());
        } catch (Exception e) {
            written.forEach(w -> writer.discard(w.storeId(), w.stored().location()));
            fail(taskId, work.imageId(), e);
        }
    }

    /**
     * Writes the staged data to each target store in turn. A store that fails stops the import when all
     * stores must succeed; otherwise it is reported back and the others go on, as long as one succeeds.
     *
     * @param written collects what was stored, so the caller can remove it if the import fails later
     * @return the stores that failed
     */
    private List<String> copyToStores(RequestContext caller, ImportWork work, Path file, TaskProgress progress,
                                      List<StoreWriter.Written> written) throws IOException {
        List<String> targets = work.request().stores().isEmpty() ? List.of(stores.defaultId()) : work.request().stores();
        List<String> failed = new ArrayList<>();
        Exception lastFailure = null;
        for (String target : targets) {
            try (InputStream in = Files.newInputStream(file)) {
                StoreWriter.Written copy = writer.write(stores.driver(target), work.imageId(), in, Files.size(file),
                        progress::counting, stored -> quotas.recheckStored(caller, work.imageId(), stored.size()));
                try {
                    requireSameData(work, copy, written.isEmpty() ? copy : written.get(0));
                } catch (IOException e) {
                    writer.discard(copy.storeId(), copy.stored().location());
                    throw e;
                }
                written.add(copy);
            } catch (IOException | RuntimeException e) {
                if (work.request().allStoresMustSucceed()) {
                    throw e;
                }
                LOG.log(Level.WARNING, "Import of image " + work.imageId() + " to store '" + target + "' failed", e);
                failed.add(target);
                lastFailure = e;
            }
        }
        if (written.isEmpty()) {
            throw new IOException("The image could not be stored in any of its stores", lastFailure);
        }
        return failed;
    }

    /** A copy must be the bytes the image has (copy-image), and every store must get the same bytes. */
    private static void requireSameData(ImportWork work, StoreWriter.Written copy, StoreWriter.Written first)
            throws IOException {
        String expected = work.method().bringsNewData() ? first.md5() : work.checksum();
        if (expected != null && !expected.equals(copy.md5())) {
            throw new IOException("The data copied to store '" + copy.storeId() + "' does not match the image's"
                    + " checksum");
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
