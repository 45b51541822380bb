-- The kept case counts (V37) also by sign-off state: the case list shows how many cases are open,
-- complete, verified and locked on every request, which counted the whole series each time (a
-- pass over 80,000 rows per list page); now it sums a few rows of case_count. Rebuilt here from
-- the cases, with writes held off meanwhile so that the counts start exact.
lock table surgical_case in share mode;

drop trigger case_count_insert on surgical_case;
drop trigger case_count_delete on surgical_case;
drop trigger case_count_update on surgical_case;
drop table case_count;

create table case_count (
    series_id bigint      not null,
    site_id   bigint      not null,
    status    varchar(20) not null,
    flagged   boolean     not null,
    sign_off  varchar(20) not null,
    n         bigint      not null,
    primary key (series_id, site_id, status, flagged, sign_off)
);

insert into case_count (series_id, site_id, status, flagged, sign_off, n)
select series_id, site_id, status, warning_count > 0, sign_off, count(*)
from surgical_case
group by series_id, site_id, status, warning_count > 0, sign_off;

create or replace function case_count_apply() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into case_count as k (series_id, site_id, status, flagged, sign_off, n)
        select series_id, site_id, status, warning_count > 0, sign_off, count(*)
        from new_rows group by series_id, site_id, status, warning_count > 0, sign_off
        on conflict (series_id, site_id, status, flagged, sign_off)
            do update set n = k.n + excluded.n;
    elsif tg_op = 'DELETE' then
        insert into case_count as k (series_id, site_id, status, flagged, sign_off, n)
        select series_id, site_id, status, warning_count > 0, sign_off, -count(*)
        from old_rows group by series_id, site_id, status, warning_count > 0, sign_off
        on conflict (series_id, site_id, status, flagged, sign_off)
            do update set n = k.n + excluded.n;
    else
        insert into case_count as k (series_id, site_id, status, flagged, sign_off, n)
        select series_id, site_id, status, flagged, sign_off, sum(d) from (
            select series_id, site_id, status, warning_count > 0 as flagged, sign_off, 1 as d
            from new_rows
            union all
            select series_id, site_id, status, warning_count > 0, sign_off, -1 from old_rows
        ) changes
        group by series_id, site_id, status, flagged, sign_off
        having sum(d) <> 0
        on conflict (series_id, site_id, status, flagged, sign_off)
            do update set n = k.n + excluded.n;
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
