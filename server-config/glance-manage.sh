#!/usr/bin/env bash
# Admin commands for a running server, named as Glance's glance-manage names them:
#   glance-manage.sh db load_metadefs [--path DIR_OR_FILE] [--merge] [--prefer_new] [--overwrite]
#   glance-manage.sh db export_metadefs --path DIR
#   glance-manage.sh db unload_metadefs
#   glance-manage.sh db purge
# They run inside the server, reached over JMX at GLANCE_JMX (default 127.0.0.1:9010; start the server with
# the JMX flags of the README), so paths are paths on the server's machine. Needs only the JDK.
set -euo pipefail
exec java -Duser.timezone=UTC "$(dirname "$0")/GlanceManage.java" "$@"
