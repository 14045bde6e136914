package org.glancejee.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.glancejee.jobs.JobScheduler;

import java.util.List;

/**
 * Alive while every background job's timer still fires on this server (a job that ran elsewhere under its
 * lease counts): a timer that stopped leaves scrubbing, cache upkeep or task expiry undone, and a restart
 * brings it back. Names the stalled jobs, nothing else.
 */
@Liveness
@ApplicationScoped
public class JobsLiveness implements HealthCheck {

    @Inject
    JobScheduler jobs;

    @Override
    public HealthCheckResponse call() {
        List<String> stalled = jobs.stalled();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("jobs").status(stalled.isEmpty());
        stalled.forEach(job -> response.withData(job, "stalled"));
        return response.build();
    }
}
