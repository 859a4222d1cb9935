package cn.referral.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import cn.referral.platform.crypto.SealedFields;
import cn.referral.platform.scheduling.PeriodicJob;
import cn.referral.platform.testing.TestKeys;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service that declares the fields it seals gets platform's re-seal job, running while the service
 * runs; a service that seals nothing gets none (docs/patient-data-keys.md).
 */
class PatientDataResealJobTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PlatformAutoConfiguration.class))
            // as a Boot application has them: "5m" durations, and the JSON mapper the event factory needs
            .withInitializer(context -> context.getBeanFactory().setConversionService(new ApplicationConversionService()))
            .withBean(JsonMapper.class, () -> JsonMapper.builder().build())
            .withPropertyValues("platform.patient-data.data-key=" + TestKeys.DATA_KEY,
                    "platform.patient-data.pseudonym-key=" + TestKeys.PSEUDONYM_KEY);

    @Test
    void aServiceThatSealsFieldsGetsTheResealJobRunning() {
        service.withBean("sealedReferrals", SealedFields.class,
                        () -> new SealedFields(null, null, "referrals", "referrals",
                                List.of(new SealedFields.Field("request.patient.name.value", "patient.name"))))
                .run(context -> {
                    assertThat(context).hasSingleBean(PeriodicJob.class);
                    PeriodicJob job = context.getBean(PeriodicJob.class);
                    assertThat(job.name()).isEqualTo("patient-data-reseal");
                    assertThat(job.isRunning()).isTrue();
                });
    }

    @Test
    void aServiceThatSealsNothingHasNoResealJob() {
        service.run(context -> assertThat(context).doesNotHaveBean(PeriodicJob.class));
    }
}
