/**
 * The service's logs: every line written while serving a request names the request (and who made it), as
 * oslo.log's context does; one log per subsystem when {@code log_dir} is set; the access log.
 */
package org.glancejee.logging;
