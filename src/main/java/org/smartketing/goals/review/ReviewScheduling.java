package org.smartketing.goals.review;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/** The review jobs of goals, run by the shared scheduler. */
@Configuration(proxyBeanMethods = false)
class ReviewScheduling {

    @Bean
    OneTimeTask<Void> goalReviewDueTask(ObjectProvider<ReviewJobs> jobs) {
        return task(ReviewJobs.Kind.DUE, jobs);
    }

    @Bean
    OneTimeTask<Void> goalReviewOverdueTask(ObjectProvider<ReviewJobs> jobs) {
        return task(ReviewJobs.Kind.OVERDUE, jobs);
    }

    private static OneTimeTask<Void> task(ReviewJobs.Kind kind, ObjectProvider<ReviewJobs> jobs) {
        return Tasks.oneTime(kind.task()).execute((instance, context) -> jobs.getObject().fire(kind, instance.getId()));
    }
}
