package org.glancejee.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.glancejee.domain.Visibility;

/** Stores visibilities by their API names, as Glance's own tables do. */
@Converter(autoApply = true)
public class VisibilityConverter implements AttributeConverter<Visibility, String> {
    @Override
    public String convertToDatabaseColumn(Visibility value) {
        return value == null ? null : value.apiName();
    }

    @Override
    public Visibility convertToEntityAttribute(String value) {
        return value == null ? null : Visibility.fromApiName(value).orElseThrow();
    }
}
