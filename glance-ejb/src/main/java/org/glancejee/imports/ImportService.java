package org.glancejee.imports;


import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.OptimisticLockException;
import org.glancejee.config.ApiSettings;
import org.glancejee.config.StorageSettings;
import org.glancejee.domain.ConflictException;
import org.glancejee.domain.GlanceException;
import org.glancejee.domain.Image;
import org.glancejee.domain.ImportMethod;
import org.glancejee.domain.ImportRequest;
import org.glancejee.domain.InvalidInputException;
import org.glancejee.domain.LimitExceededException;
import org.glancejee.domain.NotFoundException;
import org.glancejee.domain.RequestContext;
import org.glancejee.domain.StoreUnavailableException;
import org.glancejee.domain.Task;
import org.glancejee.imagedata.ClientDataException;
import org.glancejee.imagedata.ClientInputStream;
import org.glancejee.imagedata.SizeCappedInputStream;
import org.glancejee.service.ImageAuthorization;
import org.glancejee.service.ImageQuotas;
import org.glancejee.service.ImageService;
import org.glancejee.store.ImageStores;
import org.glancejee.store.StagingArea;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Staging ({@code PUT /v2/images/{id}/stage}) and import requests ({@code POST /v2/images/{id}/import}).
 * A request is checked and the image locked in one short transaction; the work itself runs as a task in
 * the background ({@link ImportRunner}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ImportService {
    private static final Logger LOG = Logger.getLogger(ImportService.class.getName());

    @Inject
    ImportTransactions transactions;

    @Inject
    StagingArea staging;

    @Inject
    ImportRunner runner;

    @Inject
    ImageQuotas quotas;

    @Inject
    ApiSettings api;

    @Inject
    StorageSettings storage;

    @Inject
    ImportSources sources;

    @Inject
    ImageService imageService;

    @Inject
    ImageAuthorization authorization;

    @Inject
    ImageStores stores;

    /** Whether glance-direct is enabled: without it the stage call does not exist (404), as in Glance. */
    public void requireStaging() {
        if (!api.enabledImportMethods().contains(ImportMethod.GLANCE_DIRECT.apiName())) {
            throw new NotFoundException("'glance-direct' method is not available at this site.");
        }
    }

    /** Stages the data for a later glance-direct import: queued → uploading, the bytes in the staging area. */
    public void stage(RequestContext caller, String id, InputStream body, long declaredSize) {
        requireStaging();
        quotas.checkStageStart(caller);
        if (declaredSize > storage.imageSizeCap()) {
            throw tooLarge();
        }
        transactions.startStaging(caller, id, storage.nodeName());
        boolean wrote = false;
        try {
            quotas.checkUploading(caller);
            if (staging.holds(id)) {
                throw new ConflictException("The image " + id + " has data on staging");
            }
            wrote = true;
            long size = staging.write(id, new SizeCappedInputStream(new ClientInputStream(body), storage.imageSizeCap()));
            if (declaredSize >= 0 && size != declaredSize) {
                throw new InvalidInputException("Size of the uploaded data (" + size
                        + ") does not match the declared size (" + declaredSize + ").");
            }
            transactions.finishStaging(id, size);
        } catch (IOException | RuntimeException e) {
            if (wrote) {
                deleteQuietly(id);
            }
            transactions.abandonStaging(id);
            throw translate(e);
        }
    }

    /**
     * Checks an import request, locks the image for a new task and starts it.
     *
     * @param body  the request body as the client sent it, recorded in the task's input
     * @param token the caller's Keystone token, which glance-download shows to the other region
     */
    public void requestImport(RequestContext caller, String id, JsonObject body, Optional<String> token,
                              Optional<String> storeHeader) {
        ImportRequest request = ImportInput.parse(body, api.enabledImportMethods());
        quotas.checkUploadStart(caller);
        checkArguments(request);
        Optional<String> taskId;
        try {
            taskId = transactions.beginImport(caller, id, request,
                    () -> ImportTargets.resolve(request, body.containsKey("stores"), storeHeader, stores),
                    targets -> ImportInput.taskInput(id, body, targets), storage.nodeName());
        } catch (EJBException e) {
            if (causedByConcurrentChange(e)) {
                throw new ConflictException("New operation on image '" + id
                        + "' is not permitted as prior operation is still in progress");
            }
            throw e;
        }
        if (taskId.isEmpty()) {
            LOG.info("Image " + id + " is already in every store; nothing to copy");
            return;
        }
        runner.submit(caller, taskId.get(), token);
    }

    /**
     * {@code POST /v2/tasks} with {@code type=import} (the tasks API's deprecated import): creates the image
     * from {@code image_properties} and fills it from {@code import_from} in the background.
     *
     * @param input the task input as the client sent it, recorded in the task
     */
    public Task createLegacyImportTask(RequestContext caller, JsonObject input, Map<String, Object> imageProperties) {
        authorization.enforceForProject("tasks_api_access", caller);
        authorization.enforceForProject("add_task", caller);
        String importFrom = input.get("import_from") instanceof JsonString s ? s.getString() : null;
        sources.checkWebUri(importFrom);
        Image image = imageService.create(caller, imageProperties);
        Task task = transactions.beginLegacyImport(caller, image.id(), input.toString(), storage.nodeName());
        runner.submit(caller, task.id(), Optional.empty());
        return task;
    }

    private void checkArguments(ImportRequest request) {
        switch (request.method()) {
            case WEB_DOWNLOAD -> sources.checkWebUri(request.uri().orElse(null));
            case GLANCE_DOWNLOAD -> {
                if (request.remoteRegion().isEmpty()) {
                    throw new InvalidInputException("'glance_region' needs to be set for glance-download import"
                            + " method");
                }
                String remote = request.remoteImageId().orElseThrow(() -> new InvalidInputException(
                        "'glance_image_id' needs to be set for glance-download import method"));
                try {
                    UUID.fromString(remote);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("Remote image id does not look like a UUID: " + remote);
                }
            }
            default -> {
            }
        }
    }

    private static boolean causedByConcurrentChange(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException
                    || t.getClass().getName().endsWith("OptimisticLockException")) {
                return true;
            }
        }
        return false;
    }

    private RuntimeException translate(Exception e) {
        if (e instanceof GlanceException g) {
            return g;
        }
        if (e instanceof ClientDataException) {
            return new InvalidInputException("The image data was not received completely: the client stopped"
                    + " sending before the end.");
        }
        LOG.log(Level.WARNING, "Staging failed", e);
        return new StoreUnavailableException("Error in store configuration. Adding images to store is disabled.");
    }

    private static LimitExceededException tooLarge() {
        return new LimitExceededException("The incoming image is too large: The provided image is too large.");
    }

    private void deleteQuietly(String id) {
        try {
            staging.delete(id);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not remove staged data of image " + id, e);
        }
    }
}
