package io.reflow.crm.marketing;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator settings of the marketing module ({@code reflow.marketing}): the time zone in
 * which campaign dates start and end, and how many members the call task lists by name
 * (the rest are in the API).
 */
@ConfigurationProperties("reflow.marketing")
public record MarketingProperties(@DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue("100") int callListLimit) {
}
