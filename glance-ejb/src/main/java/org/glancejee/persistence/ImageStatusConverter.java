package org.glancejee.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.glancejee.domain.ImageStatus;

/** Stores statuses by their API names, as Glance's own tables do. */
@Converter(autoApply = true)
public class ImageStatusConverter implements AttributeConverter<ImageStatus, String> {
    @Override
    public String convertToDatabaseColumn(ImageStatus value) {
        return value == null ? null : value.apiName();
    }

    @Override
    public ImageStatus convertToEntityAttribute(String value) {
        return value == null ? null : ImageStatus.fromApiName(value).orElseThrow();
    }
}
