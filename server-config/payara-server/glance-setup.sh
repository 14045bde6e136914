#!/usr/bin/env bash
# Prepares a running Payara Server 6 domain for glance.ear and deploys it:
#   PAYARA_HOME=/opt/payara6 GLANCE_DATA_DIR=/var/lib/glance \
#   GLANCE_DB_HOST=db.example GLANCE_DB_PASSWORD_FILE=/etc/glance/db-password \
#   server-config/payara-server/glance-setup.sh glance-ear/target/glance.ear
# Settings (environment):
#   PAYARA_HOME              the server's directory (the one holding glassfish/)
#   GLANCE_DATA_DIR          the data directory: file store and staging (and the H2 database without MariaDB)
#   GLANCE_DB_HOST           MariaDB's host; unset: the EAR's built-in H2 data source under the data directory
#   GLANCE_DB_PORT (3306), GLANCE_DB_NAME (glance), GLANCE_DB_USER (glance)
#   GLANCE_DB_PASSWORD_FILE  a file whose content is that user's password; kept by the server as the password
#                            alias glance-db-password, never written into domain.xml in clear
#   GLANCE_DB_MAX_POOL (64)  the pool's upper bound
#   ASADMIN_HOST (localhost), ASADMIN_PORT (4848), ASADMIN_USER (admin), ASADMIN_PASSWORD_FILE (the admin
#                            password as AS_ADMIN_PASSWORD=...; none for a domain created with --nopassword)
# With MariaDB it installs the driver in the domain's lib (no restart needed), creates the connection pool
# glance-pool (validated, sized) and the JDBC resource jdbc/glance, and points the service at it with glance.db.datasource. Settings go into Payara's
# MicroProfile Config (domain source), where every other glance.* setting can be put the same way:
#   asadmin set-config-property --source domain --propertyName glance.auth_strategy --propertyValue keystone
# Running it again updates the settings and redeploys; an existing pool and alias are kept.
set -euo pipefail
ear=${1:?usage: glance-setup.sh path/to/glance.ear}
: "${PAYARA_HOME:?set PAYARA_HOME to the Payara Server directory}"
: "${GLANCE_DATA_DIR:?set GLANCE_DATA_DIR to the service data directory}"
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
jar_bin=${JAVA_HOME:+$JAVA_HOME/bin/}jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

asadmin() {
    local options=(--host "${ASADMIN_HOST:-localhost}" --port "${ASADMIN_PORT:-4848}" --user "${ASADMIN_USER:-admin}")
    if [ -n "${ASADMIN_PASSWORD_FILE:-}" ]; then options+=(--passwordfile "$ASADMIN_PASSWORD_FILE"); fi
    "$java_bin" -jar "$PAYARA_HOME/glassfish/modules/admin-cli.jar" "${options[@]}" "$@"
}

config() {
    asadmin set-config-property --source domain --propertyName "$1" --propertyValue "$2" > /dev/null
    echo "[glance-setup] $1 = $2"
}

mkdir -p "$GLANCE_DATA_DIR"
config glance.data_dir "$(cd "$GLANCE_DATA_DIR" && pwd)"

if [ -n "${GLANCE_DB_HOST:-}" ]; then
    : "${GLANCE_DB_PASSWORD_FILE:?set GLANCE_DB_PASSWORD_FILE to a file holding the database password}"
    # The pool is the server's, so the driver must be too: the one the EAR carries.
    driver=$("$jar_bin" tf "$ear" | grep -m 1 '^lib/.*mariadb-java-client-.*\.jar$' || true)
    if [ -z "$driver" ]; then
        echo "[glance-setup] $ear carries no MariaDB driver (lib/*mariadb-java-client-*.jar): is it glance.ear?" >&2
        exit 1
    fi
    if ! asadmin list-libraries --type common | grep -q 'mariadb-java-client-'; then
        (cd "$work" && "$jar_bin" xf "$ear" "$driver")
        # Payara 6 loads it for connection pools at once; applications do not need to see it
        asadmin add-library --type common "$work/$driver"
    fi

    if ! asadmin list-password-aliases | grep -qx glance-db-password; then
        {
            printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$(cat "$GLANCE_DB_PASSWORD_FILE")"
            if [ -n "${ASADMIN_PASSWORD_FILE:-}" ]; then cat "$ASADMIN_PASSWORD_FILE"; fi
        } > "$work/alias"
        ASADMIN_PASSWORD_FILE=$work/alias asadmin create-password-alias glance-db-password
    fi

    if ! asadmin list-jdbc-connection-pools | grep -qx glance-pool; then
        url="jdbc\\:mariadb\\://$GLANCE_DB_HOST\\:${GLANCE_DB_PORT:-3306}/${GLANCE_DB_NAME:-glance}"
        asadmin create-jdbc-connection-pool --restype javax.sql.DataSource \
            --datasourceclassname org.mariadb.jdbc.MariaDbDataSource \
            --steadypoolsize 4 --maxpoolsize "${GLANCE_DB_MAX_POOL:-64}" --maxwait 30000 \
            --isconnectvalidatereq=true --validationmethod custom-validation \
            --validationclassname org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation \
            --property "url=$url:user=${GLANCE_DB_USER:-glance}:password=\${ALIAS=glance-db-password}" \
            glance-pool
    fi
    asadmin ping-connection-pool glance-pool
    if ! asadmin list-jdbc-resources | grep -qx jdbc/glance; then
        asadmin create-jdbc-resource --connectionpoolid glance-pool jdbc/glance
    fi
    config glance.db.datasource jdbc/glance
fi

asadmin deploy --force=true --name glance "$ear"
echo "[glance-setup] deployed; the API answers at the domain's HTTP port (8080 by default), e.g. /versions"
