-- A series' own form, one row per version: never updated, never deleted while the series lives.
-- A series without a row has the form every series had before forms: all built-in modules.
create table series_form (
    series_id  bigint        not null references case_series (id) on delete cascade,
    version    integer       not null check (version > 0),
    definition jsonb         not null,
    summary    varchar(4000) not null,
    created_by varchar(100)  not null,
    created_at timestamptz   not null default now(),
    primary key (series_id, version)
);

-- Values of custom fields, typed by the application: numbers as JSON numbers, dates and times as
-- ISO text, codes as text, check boxes as arrays of codes. One row per single section of a case.
create table case_custom_section (
    case_id         bigint       not null references surgical_case (id) on delete cascade,
    section_key     varchar(50)  not null,
    field_values    jsonb        not null default '{}'::jsonb,
    missing_reasons jsonb        not null default '{}'::jsonb,
    version         integer      not null default 1,
    updated_at      timestamptz  not null default now(),
    updated_by      varchar(100) not null,
    primary key (case_id, section_key)
);

-- Items of repeating custom sections.
create table case_custom_item (
    id              bigserial    primary key,
    case_id         bigint       not null references surgical_case (id) on delete cascade,
    section_key     varchar(50)  not null,
    position        integer      not null,
    field_values    jsonb        not null default '{}'::jsonb,
    missing_reasons jsonb        not null default '{}'::jsonb,
    version         integer      not null default 1,
    updated_at      timestamptz  not null default now(),
    updated_by      varchar(100) not null
);
create index case_custom_item_case on case_custom_item (case_id, section_key, position);

-- Custom section keys (up to 50 characters) go into the audit trail beside the built-in ones.
alter table case_audit alter column section type varchar(60);
