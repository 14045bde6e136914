/**
 * Who a request comes from when Glance runs behind Keystone: tokens are validated against Keystone v3
 * with the service user's own token, as keystonemiddleware's auth_token does, and kept in a bounded
 * cache for {@code token_cache_time} so revocation takes effect within that time.
 */
package org.glancejee.identity;
