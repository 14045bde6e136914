-- What each server's image cache holds (as Glance's centralized_db cache driver keeps it): one row per
-- server and cached image, with the hits and last access the pruner orders by. The bytes are on the
-- server's own disk, under image_cache_dir.
CREATE TABLE cached_images (
    node          VARCHAR(255) NOT NULL,
    image_id      VARCHAR(36)  NOT NULL,
    size          BIGINT       NOT NULL,
    checksum      VARCHAR(32),
    hits          BIGINT       NOT NULL,
    last_accessed ${timestamp} NOT NULL,
    last_modified ${timestamp} NOT NULL,
    PRIMARY KEY (node, image_id)
) ${table_options};
