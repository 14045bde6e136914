-- The metadata definitions catalogue (metadefs): namespaces and what they define (properties, objects, tags),
-- and the resource types a namespace applies to. As Glance's metadef_* tables, with string ids.

CREATE TABLE metadef_namespaces (
    id           VARCHAR(36)  NOT NULL,
    namespace    VARCHAR(80)  NOT NULL,
    display_name VARCHAR(80),
    description  ${text},
    visibility   VARCHAR(32)  NOT NULL,
    is_protected BOOLEAN      NOT NULL,
    owner        VARCHAR(255),
    created_at   ${timestamp} NOT NULL,
    updated_at   ${timestamp} NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_metadef_namespaces_namespace UNIQUE (namespace)
) ${table_options};

CREATE TABLE metadef_properties (
    id           VARCHAR(36)  NOT NULL,
    namespace_id VARCHAR(36)  NOT NULL,
    name         VARCHAR(80)  NOT NULL,
    json_schema  ${text}      NOT NULL,
    created_at   ${timestamp} NOT NULL,
    updated_at   ${timestamp} NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_metadef_properties_name UNIQUE (namespace_id, name),
    CONSTRAINT fk_metadef_properties_namespace FOREIGN KEY (namespace_id) REFERENCES metadef_namespaces (id)
) ${table_options};

CREATE TABLE metadef_objects (
    id           VARCHAR(36)  NOT NULL,
    namespace_id VARCHAR(36)  NOT NULL,
    name         VARCHAR(80)  NOT NULL,
    description  ${text},
    required     ${text},
    json_schema  ${text}      NOT NULL,
    created_at   ${timestamp} NOT NULL,
    updated_at   ${timestamp} NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_metadef_objects_name UNIQUE (namespace_id, name),
    CONSTRAINT fk_metadef_objects_namespace FOREIGN KEY (namespace_id) REFERENCES metadef_namespaces (id)
) ${table_options};

CREATE TABLE metadef_tags (
    id           VARCHAR(36)  NOT NULL,
    namespace_id VARCHAR(36)  NOT NULL,
    name         VARCHAR(80)  NOT NULL,
    created_at   ${timestamp} NOT NULL,
    updated_at   ${timestamp} NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_metadef_tags_name UNIQUE (namespace_id, name),
    CONSTRAINT fk_metadef_tags_namespace FOREIGN KEY (namespace_id) REFERENCES metadef_namespaces (id)
) ${table_options};

CREATE TABLE metadef_resource_types (
    id           VARCHAR(36)  NOT NULL,
    name         VARCHAR(80)  NOT NULL,
    is_protected BOOLEAN      NOT NULL,
    created_at   ${timestamp} NOT NULL,
    updated_at   ${timestamp} NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_metadef_resource_types_name UNIQUE (name)
) ${table_options};

CREATE TABLE metadef_namespace_resource_types (
    resource_type_id  VARCHAR(36)  NOT NULL,
    namespace_id      VARCHAR(36)  NOT NULL,
    properties_target VARCHAR(80),
    prefix            VARCHAR(80),
    created_at        ${timestamp} NOT NULL,
    updated_at        ${timestamp} NOT NULL,
    PRIMARY KEY (resource_type_id, namespace_id),
    CONSTRAINT fk_metadef_nrt_resource_type FOREIGN KEY (resource_type_id) REFERENCES metadef_resource_types (id),
    CONSTRAINT fk_metadef_nrt_namespace FOREIGN KEY (namespace_id) REFERENCES metadef_namespaces (id)
) ${table_options};
