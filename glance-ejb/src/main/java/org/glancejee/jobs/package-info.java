/**
 * Background jobs on timers (the scrubber, the cache jobs, the replicator and the clean-ups): each runs under
 * a lease in the shared database so
 * that, of several servers on one database, one runs it at a time; each keeps figures operators read over JMX.
 */
package org.glancejee.jobs;
