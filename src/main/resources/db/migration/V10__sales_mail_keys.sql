-- Sales (module sales): one row per outbound mail that must go out once only, keyed by an
-- idempotency key (e.g. quote-sent-42). Claimed in its own transaction before the mail is
-- handed to the mail port, so a job run twice (a slow step past the job executor's lock time,
-- a retry after a crash) does not send it again. See docs/reliability.md, slow work.
create table crm_sales_mail (
    mail_key    varchar(120)  primary key,
    recipients  varchar(1000) not null,
    subject     varchar(300)  not null,
    sent_at     timestamp with time zone not null
);
