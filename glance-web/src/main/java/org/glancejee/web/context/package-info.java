/** Per-request plumbing: who the caller is, the request id, and routing of versioned URLs. */
package org.glancejee.web.context;
