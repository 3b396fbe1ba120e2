package io.reflow.crm.lab.simulation;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Working hours Monday to Friday, 09:00 to 18:00 in Shanghai (UTC+8). */
class WorkingHoursTest {

	static final WorkingHours HOURS = WorkingHours.weekdays(ZoneId.of("Asia/Shanghai"), LocalTime.of(9, 0),
			LocalTime.of(18, 0));

	// 2026-03-02 is a Monday; 09:00 in Shanghai is 01:00 UTC
	static Instant at(String utc) {
		return Instant.parse(utc);
	}

	@Test
	void shouldKnowWhenPeopleWork() {
		assertThat(HOURS.isWorking(at("2026-03-02T01:00:00Z"))).isTrue();
		assertThat(HOURS.isWorking(at("2026-03-02T09:59:59Z"))).isTrue();
		assertThat(HOURS.isWorking(at("2026-03-02T10:00:00Z"))).isFalse();
		assertThat(HOURS.isWorking(at("2026-03-02T00:59:59Z"))).isFalse();
		// Saturday noon
		assertThat(HOURS.isWorking(at("2026-03-07T04:00:00Z"))).isFalse();
	}

	@Test
	void shouldFindTheNextStartOfWork() {
		assertThat(HOURS.nextWorking(at("2026-03-02T03:00:00Z"))).isEqualTo(at("2026-03-02T03:00:00Z"));
		assertThat(HOURS.nextWorking(at("2026-03-02T00:00:00Z"))).isEqualTo(at("2026-03-02T01:00:00Z"));
		// Monday 18:00 -> Tuesday 09:00
		assertThat(HOURS.nextWorking(at("2026-03-02T10:00:00Z"))).isEqualTo(at("2026-03-03T01:00:00Z"));
		// Friday evening -> Monday 09:00
		assertThat(HOURS.nextWorking(at("2026-03-06T12:00:00Z"))).isEqualTo(at("2026-03-09T01:00:00Z"));
	}

	@Test
	void shouldSpreadWorkOverWorkingHours() {
		// 2 h started Monday 17:00 Shanghai: 1 h on Monday, 1 h on Tuesday from 09:00
		assertThat(HOURS.addWorking(at("2026-03-02T09:00:00Z"), 7200)).isEqualTo(at("2026-03-03T02:00:00Z"));
		// started on Saturday: begins Monday 09:00
		assertThat(HOURS.addWorking(at("2026-03-07T04:00:00Z"), 1800)).isEqualTo(at("2026-03-09T01:30:00Z"));
		// 20 h: Monday 9 h, Tuesday 9 h, Wednesday 2 h
		assertThat(HOURS.addWorking(at("2026-03-02T01:00:00Z"), 20 * 3600)).isEqualTo(at("2026-03-04T03:00:00Z"));
		assertThat(HOURS.addWorking(at("2026-03-02T03:00:00Z"), 0)).isEqualTo(at("2026-03-02T03:00:00Z"));
	}

	@Test
	void shouldCountWorkingSecondsOnly() {
		assertThat(HOURS.workingSecondsBetween(at("2026-03-02T09:00:00Z"), at("2026-03-03T02:00:00Z"))).isEqualTo(7200);
		// a whole week: 5 x 9 h
		assertThat(HOURS.workingSecondsBetween(at("2026-03-01T16:00:00Z"), at("2026-03-08T16:00:00Z")))
			.isEqualTo(45 * 3600);
		assertThat(HOURS.workingSecondsBetween(at("2026-03-07T00:00:00Z"), at("2026-03-08T00:00:00Z"))).isZero();
	}

	@Test
	void shouldRefuseHoursThatEndBeforeTheyStart() {
		assertThatThrownBy(() -> WorkingHours.weekdays(ZoneId.of("UTC"), LocalTime.of(18, 0), LocalTime.of(9, 0)))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
