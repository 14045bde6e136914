package org.glancejee.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.glancejee.domain.NotFoundException;
import org.glancejee.domain.Task;
import org.glancejee.domain.TaskQuery;
import org.glancejee.domain.TaskRepository;
import org.glancejee.domain.TaskStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Tasks in the relational database. */
@ApplicationScoped
public class JpaTaskRepository implements TaskRepository {
    private static final Set<String> SORT_KEYS = Set.of("created_at", "updated_at", "id", "status", "type",
            "expires_at", "owner");

    @PersistenceContext(unitName = "glance")
    private EntityManager em;

    @Override
    public Optional<Task> find(String id) {
        Task task = em.find(Task.class, id);
        return task == null || task.isDeleted() ? Optional.empty() : Optional.of(task);
    }

    @Override
    public void add(Task task) {
        em.persist(task);
    }

    @Override
    public List<Task> forImage(String imageId) {
        return em.createQuery("SELECT t FROM Task t WHERE t.imageId = :image AND t.deleted = FALSE"
                        + " ORDER BY t.createdAt, t.id", Task.class)
                .setParameter("image", imageId).getResultList();
    }

    @Override
    public List<Task> list(TaskQuery query) {
        if (!SORT_KEYS.contains(query.sortKey())) {
            throw new org.glancejee.domain.InvalidInputException("Invalid sort key: " + query.sortKey());
        }
        String field = switch (query.sortKey()) {
            case "created_at" -> "createdAt";
            case "updated_at" -> "updatedAt";
            case "expires_at" -> "expiresAt";
            default -> query.sortKey();
        };
        String dir = query.ascending() ? "ASC" : "DESC";
        String cmp = query.ascending() ? ">" : "<";
        StringBuilder jpql = new StringBuilder("SELECT t FROM Task t WHERE t.deleted = FALSE");
        query.owner().ifPresent(o -> jpql.append(" AND t.owner = :owner"));
        query.status().ifPresent(s -> jpql.append(" AND t.status = :status"));
        query.type().ifPresent(s -> jpql.append(" AND t.type = :type"));
        Optional<Task> marker = query.marker().map(id -> find(id).orElseThrow(() ->
                new NotFoundException("Task with identifier " + id + " not found")));
        if (marker.isPresent()) {
            jpql.append(" AND (t.").append(field).append(' ').append(cmp).append(" :markerValue OR (t.")
                    .append(field).append(" = :markerValue AND t.id ").append(cmp).append(" :markerId))");
        }
        jpql.append(" ORDER BY t.").append(field).append(' ').append(dir).append(", t.id ").append(dir);
        TypedQuery<Task> q = em.createQuery(jpql.toString(), Task.class);
        query.owner().ifPresent(o -> q.setParameter("owner", o));
        query.status().ifPresent(s -> q.setParameter("status", s));
        query.type().ifPresent(s -> q.setParameter("type", s));
        marker.ifPresent(m -> {
            q.setParameter("markerValue", sortValue(m, query.sortKey()));
            q.setParameter("markerId", m.id());
        });
        return q.setMaxResults(query.limit()).getResultList();
    }

    private static Object sortValue(Task t, String key) {
        return switch (key) {
            case "created_at" -> t.createdAt();
            case "updated_at" -> t.updatedAt();
            case "expires_at" -> t.expiresAt();
            case "status" -> t.status();
            case "type" -> t.type();
            case "owner" -> t.owner();
            default -> t.id();
        };
    }

    @Override
    public int expire(Instant now) {
        return em.createQuery("UPDATE Task t SET t.deleted = TRUE, t.deletedAt = :now"
                        + " WHERE t.deleted = FALSE AND t.expiresAt <= :now")
                .setParameter("now", now).executeUpdate();
    }

    @Override
    public List<Task> unfinishedOn(String node) {
        return em.createQuery("SELECT t FROM Task t WHERE t.node = :node AND t.deleted = FALSE"
                        + " AND t.status IN :statuses", Task.class)
                .setParameter("node", node)
                .setParameter("statuses", List.of(TaskStatus.PENDING, TaskStatus.PROCESSING))
                .getResultList();
    }
}
