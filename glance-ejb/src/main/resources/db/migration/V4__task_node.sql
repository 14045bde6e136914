-- The server running a task, so a restarted server fails the imports it was running when it died
-- (ImportRecovery), and the listing of one image's tasks.
ALTER TABLE tasks ADD node VARCHAR(255);
CREATE INDEX ix_tasks_status_node ON tasks (status, node);
