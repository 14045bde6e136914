package org.glancejee.jmx;

import java.util.List;

/** The API's requests on this server since start, as {@code org.glancejee:type=Requests}. */
public interface RequestsMXBean {
    long getRequests();

    /** Answers with a 4xx status. */
    long getClientErrors();

    /** Answers with a 5xx status. */
    long getServerErrors();

    /** One row per endpoint (method and path template) that answered at least once. */
    List<EndpointStatistics> getEndpoints();
}
