-- Leases of the background jobs (ShedLock's JDBC table): a job runs on one server at a time, and a lease
-- whose holder died runs out at lock_until.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until ${timestamp} NOT NULL,
    locked_at  ${timestamp} NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
) ${table_options};
