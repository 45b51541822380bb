-- How many cases each series holds, per site, status and whether flagged by a warning: the case
-- list shows its total from here instead of counting the series on every request. Kept exact by
-- statement-level triggers on surgical_case (one grouped upsert per statement, whatever the
-- number of rows: a bulk import or COPY costs one small statement). Only count rows whose
-- number changes are touched, so an ordinary save locks nothing here. Derived data: backups
-- leave it out, and a restore rebuilds it as its cases are copied in.
create table case_count (
    series_id bigint      not null,
    site_id   bigint      not null,
    status    varchar(20) not null,
    flagged   boolean     not null,
    n         bigint      not null,
    primary key (series_id, site_id, status, flagged)
);

insert into case_count (series_id, site_id, status, flagged, n)
select series_id, site_id, status, warning_count > 0, count(*)
from surgical_case
group by series_id, site_id, status, warning_count > 0;

create function case_count_apply() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into case_count as k (series_id, site_id, status, flagged, n)
        select series_id, site_id, status, warning_count > 0, count(*)
        from new_rows group by series_id, site_id, status, warning_count > 0
        on conflict (series_id, site_id, status, flagged) do update set n = k.n + excluded.n;
    elsif tg_op = 'DELETE' then
        insert into case_count as k (series_id, site_id, status, flagged, n)
        select series_id, site_id, status, warning_count > 0, -count(*)
        from old_rows group by series_id, site_id, status, warning_count > 0
        on conflict (series_id, site_id, status, flagged) do update set n = k.n + excluded.n;
    else
        insert into case_count as k (series_id, site_id, status, flagged, n)
        select series_id, site_id, status, flagged, sum(d) from (
            select series_id, site_id, status, warning_count > 0 as flagged, 1 as d from new_rows
            union all
            select series_id, site_id, status, warning_count > 0, -1 from old_rows
        ) changes
        group by series_id, site_id, status, flagged
        having sum(d) <> 0
        on conflict (series_id, site_id, status, flagged) do update set n = k.n + excluded.n;
    end if;
    return null;
end
$$;

create trigger case_count_insert after insert on surgical_case
    referencing new table as new_rows for each statement execute function case_count_apply();
create trigger case_count_delete after delete on surgical_case
    referencing old table as old_rows for each statement execute function case_count_apply();
create trigger case_count_update after update on surgical_case
    referencing old table as old_rows new table as new_rows
    for each statement execute function case_count_apply();
