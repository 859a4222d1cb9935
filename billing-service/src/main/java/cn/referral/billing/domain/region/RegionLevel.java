package cn.referral.billing.domain.region;

/**
 * The administrative level a region code (GB/T 2260) stands for, and so the level a region policy
 * or schedule was issued at: 省 (province, {@code xx0000}), 市 (city, {@code xxxx00}) or 县/区
 * (county or district, anything else).
 */
public enum RegionLevel {
    PROVINCE, CITY, COUNTY
}
