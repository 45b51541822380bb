-- An uploaded import between its dry run and its commit, so that any instance can commit what
-- another checked. One per account and series (a new check replaces the previous one); removed
-- when it expires (scheduled, and harmless when several instances run it at once).
create table import_upload (
    token           uuid         primary key,
    account_id      bigint       not null references account (id) on delete cascade,
    series_id       bigint       not null references case_series (id) on delete cascade,
    file_name       varchar(200) not null,
    update_existing boolean      not null,
    -- The file, while it may still be committed; null once committed or refused.
    file_bytes      bytea,
    -- The case revisions the dry run judged against: lower-case study code and revision
    -- (0: no such case), compared at the commit.
    case_codes      text[]       not null default '{}',
    case_revisions  bigint[]     not null default '{}',
    -- The last report (dry run or refused commit), for the download of its problems.
    report          bytea        not null,
    created_at      timestamptz  not null default now(),
    expires_at      timestamptz  not null
);
create unique index import_upload_owner_uq on import_upload (account_id, series_id);
create index import_upload_expiry_idx on import_upload (expires_at);

-- A counter that every change of a case moves: each section save, list item, header or status
-- change updates the surgical_case row (its derived values at least). An import's commit compares
-- it with what its dry run saw, so that an edit made in between is never silently overwritten.
alter table surgical_case add column revision bigint not null default 1;

create function surgical_case_next_revision() returns trigger language plpgsql as $$
begin
    new.revision := old.revision + 1;
    return new;
end
$$;

create trigger surgical_case_revision before update on surgical_case
    for each row execute function surgical_case_next_revision();
