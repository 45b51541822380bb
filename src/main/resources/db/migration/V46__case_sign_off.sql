-- Sign-off of a case: a surgeon marks it complete, a coordinator verified (source documents
-- checked), an admin or coordinator locks it (read-only for everyone, imports included). Every
-- step and every unlock (admins, with a reason) is written to case_audit.
alter table surgical_case
    add column sign_off varchar(20) not null default 'OPEN'
        check (sign_off in ('OPEN', 'COMPLETE', 'VERIFIED', 'LOCKED')),
    add column sign_off_at timestamptz,
    add column sign_off_by varchar(50);
create index surgical_case_sign_off_idx on surgical_case (series_id, sign_off);
