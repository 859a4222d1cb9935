package cn.referral.platform.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Makes the service under test trust {@link TestTokens}' signing key. */
public class TestTokensInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("platform.security.public-key-location=" + TestTokens.publicKeyLocation()).applyTo(context);
    }
}
