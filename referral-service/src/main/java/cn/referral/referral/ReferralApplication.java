package cn.referral.referral;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The referral lifecycle: up and down referrals, SLA timers, worklists and KPIs. */
@SpringBootApplication
public class ReferralApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReferralApplication.class, args);
    }
}
