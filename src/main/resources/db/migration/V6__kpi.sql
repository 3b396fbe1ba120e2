-- Process KPI projections (module kpi), fed in the engine's transaction by
-- kpi.KpiHistoryEventHandler and rebuilt from ACT_HI_* by kpi.KpiProjections. Daily rows in the
-- zone reflow.kpi.zone, so a dashboard query reads O(processes x versions x days) rows, never
-- O(cases). The day column is stat_day because DAY is a reserved word in H2.

-- per process version and day: instances started that day, instances ended that day and the
-- sum of their durations
create table kpi_process_day (
    process_key     varchar(255) not null,
    version         integer      not null,
    stat_day        date         not null,
    started         bigint       not null default 0,
    completed       bigint       not null default 0,
    duration_sum_ms bigint       not null default 0,
    primary key (process_key, version, stat_day)
);
create index kpi_process_day_day_ix on kpi_process_day (stat_day);

-- the cycle-time histogram of the instances ended that day (kpi.DurationHistogram: bucket 0 is
-- under 1 s, bucket i >= 1 is [2^((i-1)/4), 2^(i/4)) seconds, the last one is open-ended);
-- only non-empty buckets have a row
create table kpi_process_day_bucket (
    process_key varchar(255) not null,
    version     integer      not null,
    stat_day    date         not null,
    bucket      integer      not null,
    completed   bigint       not null default 0,
    primary key (process_key, version, stat_day, bucket)
);
create index kpi_process_day_bucket_day_ix on kpi_process_day_bucket (stat_day);

-- running instances per process version: started minus ended
create table kpi_process_running (
    process_key varchar(255) not null,
    version     integer      not null,
    running     bigint       not null default 0,
    primary key (process_key, version)
);

-- per activity and day of the activity instances' end: instances, duration; for user tasks
-- completed that day the time waiting (created -> first assigned) and working (first assigned ->
-- completed); a task completed without an assignee counts as waiting only
create table kpi_activity_day (
    process_key     varchar(255) not null,
    version         integer      not null,
    activity_id     varchar(255) not null,
    stat_day        date         not null,
    activity_type   varchar(64)  not null,
    count           bigint       not null default 0,
    duration_sum_ms bigint       not null default 0,
    waiting_sum_ms  bigint       not null default 0,
    working_sum_ms  bigint       not null default 0,
    user_task_count bigint       not null default 0,
    primary key (process_key, version, stat_day, activity_id)
);
