package cn.referral.quota;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The 20% reserved-slot ledger: holds, waitlist, release at cutoff. */
@SpringBootApplication
public class QuotaApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuotaApplication.class, args);
    }
}
