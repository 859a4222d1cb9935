package cn.referral.referral.application.port.in;

import java.util.List;

import cn.referral.referral.domain.referral.Referral;

public record WorklistPage(List<Referral> items, long total, int page, int size) {
}
