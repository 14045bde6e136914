package org.glancejee.domain;

import java.util.Arrays;
import java.util.Optional;

/** The ways {@code POST /v2/images/{id}/import} can fill an image, and the status each needs to start from. */
public enum ImportMethod {
    GLANCE_DIRECT("glance-direct", ImageStatus.UPLOADING),
    WEB_DOWNLOAD("web-download", ImageStatus.QUEUED),
    COPY_IMAGE("copy-image", ImageStatus.ACTIVE),
    GLANCE_DOWNLOAD("glance-download", ImageStatus.QUEUED);

    private final String apiName;
    private final ImageStatus requiredStatus;

    ImportMethod(String apiName, ImageStatus requiredStatus) {
        this.apiName = apiName;
        this.requiredStatus = requiredStatus;
    }

    public String apiName() {
        return apiName;
    }

    public ImageStatus requiredStatus() {
        return requiredStatus;
    }

    /** Whether the data comes from outside and passes through the staging area and the import plugins. */
    public boolean bringsNewData() {
        return this != COPY_IMAGE;
    }

    public static Optional<ImportMethod> fromApiName(String name) {
        return Arrays.stream(values()).filter(m -> m.apiName.equals(name)).findFirst();
    }
}
