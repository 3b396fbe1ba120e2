package io.reflow.crm.platform.migration;

import jakarta.validation.constraints.NotBlank;

/**
 * An explicit migration instruction: instances at {@code sourceActivityId} of the old
 * version continue at {@code targetActivityId} of the new one. Needed where the new
 * version renamed or replaced an activity; activities with the same id are mapped without
 * it.
 */
public record ActivityMapping(@NotBlank String sourceActivityId, @NotBlank String targetActivityId) {
}
