/**
 * Where per-project limits come from: {@link org.glancejee.limits.ProjectLimits} and its sources, the
 * server's configuration or Keystone's unified limits.
 */
package org.glancejee.limits;
