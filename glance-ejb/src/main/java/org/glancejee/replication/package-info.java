/**
 * The replicator: copies this server's images, with their metadata and verified data, to peer image services
 * over the Images API v2 (Glance's or ours), and reports what differs.
 */
package org.glancejee.replication;
