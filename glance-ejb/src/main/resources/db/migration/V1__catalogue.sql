-- The image catalogue: images with their custom properties, tags, locations and members, and tasks.
-- Column names follow Glance's own tables so operators can read them the same way, except where H2
-- reserves the word (Glance's image_properties.value and image_tags.value are prop_value and tag here).

CREATE TABLE images (
    id               VARCHAR(36)  NOT NULL,
    name             VARCHAR(255),
    size             BIGINT,
    virtual_size     BIGINT,
    status           VARCHAR(30)  NOT NULL,
    visibility       VARCHAR(20)  NOT NULL,
    is_protected     BOOLEAN      NOT NULL,
    os_hidden        BOOLEAN      NOT NULL,
    disk_format      VARCHAR(20),
    container_format VARCHAR(20),
    checksum         VARCHAR(32),
    os_hash_algo     VARCHAR(64),
    os_hash_value    VARCHAR(128),
    owner            VARCHAR(255),
    min_disk         INTEGER      NOT NULL,
    min_ram          INTEGER      NOT NULL,
    created_at       ${timestamp} NOT NULL,
    updated_at       ${timestamp},
    deleted_at       ${timestamp},
    deleted          BOOLEAN      NOT NULL,
    version          BIGINT       NOT NULL,
    PRIMARY KEY (id)
) ${table_options};

-- The default listing walks created_at/id in order; the others serve filters and other sort keys.
CREATE INDEX ix_images_created_at ON images (created_at, id);
CREATE INDEX ix_images_updated_at ON images (updated_at, id);
CREATE INDEX ix_images_name ON images (name);
CREATE INDEX ix_images_owner ON images (owner);
CREATE INDEX ix_images_status ON images (status);
CREATE INDEX ix_images_visibility ON images (visibility);
CREATE INDEX ix_images_checksum ON images (checksum);
CREATE INDEX ix_images_os_hash_value ON images (os_hash_value);
CREATE INDEX ix_images_size ON images (size);

CREATE TABLE image_properties (
    image_id VARCHAR(36)  NOT NULL,
    name     VARCHAR(255) NOT NULL,
    prop_value ${text},
    PRIMARY KEY (image_id, name),
    CONSTRAINT fk_image_properties_image FOREIGN KEY (image_id) REFERENCES images (id)
) ${table_options};
CREATE INDEX ix_image_properties_name ON image_properties (name);

CREATE TABLE image_tags (
    image_id VARCHAR(36)  NOT NULL,
    tag      VARCHAR(255) NOT NULL,
    PRIMARY KEY (image_id, tag),
    CONSTRAINT fk_image_tags_image FOREIGN KEY (image_id) REFERENCES images (id)
) ${table_options};
CREATE INDEX ix_image_tags_tag ON image_tags (tag);

CREATE TABLE image_locations (
    id         VARCHAR(36)  NOT NULL,
    image_id   VARCHAR(36)  NOT NULL,
    store      VARCHAR(255),
    url        ${text}      NOT NULL,
    meta_data  ${text},
    status     VARCHAR(30)  NOT NULL,
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp},
    deleted_at ${timestamp},
    deleted    BOOLEAN      NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_image_locations_image FOREIGN KEY (image_id) REFERENCES images (id)
) ${table_options};
CREATE INDEX ix_image_locations_image ON image_locations (image_id);

CREATE TABLE image_members (
    id         VARCHAR(36)  NOT NULL,
    image_id   VARCHAR(36)  NOT NULL,
    member     VARCHAR(255) NOT NULL,
    can_share  BOOLEAN      NOT NULL,
    status     VARCHAR(20)  NOT NULL,
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp},
    deleted_at ${timestamp},
    deleted    BOOLEAN      NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_image_members_image FOREIGN KEY (image_id) REFERENCES images (id)
) ${table_options};
CREATE INDEX ix_image_members_image_member ON image_members (image_id, member);
CREATE INDEX ix_image_members_member ON image_members (member);

CREATE TABLE tasks (
    id         VARCHAR(36)  NOT NULL,
    type       VARCHAR(30)  NOT NULL,
    status     VARCHAR(30)  NOT NULL,
    owner      VARCHAR(255),
    image_id   VARCHAR(36),
    request_id VARCHAR(64),
    user_id    VARCHAR(64),
    input      ${text},
    result     ${text},
    message    ${text},
    expires_at ${timestamp},
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp},
    deleted_at ${timestamp},
    deleted    BOOLEAN      NOT NULL,
    PRIMARY KEY (id)
) ${table_options};
CREATE INDEX ix_tasks_image ON tasks (image_id);
CREATE INDEX ix_tasks_owner ON tasks (owner);
