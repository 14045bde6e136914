package org.glancejee.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.glancejee.domain.TaskStatus;

/** Stores task statuses by their API names, as Glance's tasks table does. */
@Converter(autoApply = true)
public class TaskStatusConverter implements AttributeConverter<TaskStatus, String> {
    @Override
    public String convertToDatabaseColumn(TaskStatus value) {
        return value == null ? null : value.apiName();
    }

    @Override
    public TaskStatus convertToEntityAttribute(String value) {
        return value == null ? null : TaskStatus.fromApiName(value).orElseThrow();
    }
}
