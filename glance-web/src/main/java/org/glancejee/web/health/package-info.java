/** MicroProfile Health checks ({@code /health/ready}, {@code /health/live}) for load balancers and operators. */
package org.glancejee.web.health;
