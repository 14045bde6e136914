package org.glancejee.limits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.glancejee.config.QuotaSettings;

/** Chooses where limits come from. */
@ApplicationScoped
public class ProjectLimitsProducer {

    @Inject
    QuotaSettings settings;

    @Produces
    @ApplicationScoped
    ProjectLimits projectLimits() {
        return new ConfiguredProjectLimits(settings::value);
    }
}
