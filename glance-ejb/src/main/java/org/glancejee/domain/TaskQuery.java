package org.glancejee.domain;

import java.util.Optional;

/**
 * A page of {@code GET /v2/tasks}: only {@code owner}'s tasks unless empty (admins see all), filtered by
 * status and type, sorted by {@code sortKey} ({@code created_at} by default), after {@code marker}.
 */
public record TaskQuery(Optional<String> owner, Optional<TaskStatus> status, Optional<String> type,
                        String sortKey, boolean ascending, Optional<String> marker, int limit) {
}
