/** JAX-RS resources of the Images API v2: each parses input, calls one service method, maps the result. */
package org.glancejee.web.api;
