-- V59's trigger on surgical_case, for the update every section save makes: when none of the
-- columns the dashboard's keys read changed, the counts cannot change, and the statement that
-- recounts the cases (planned anew each time: a dynamic statement over the case rows, their
-- operation and neoadjuvant sections) is skipped. It took 2.9 ms of every save (the benchmark's
-- EXPLAIN ANALYZE of one case update), for a result that nets to nothing.
--
-- The columns compared are every column of surgical_case that case_dashboard_values,
-- case_dashboard_windows and case_dashboard_split_values read, with series, site and status.
-- A change to those functions that reads another column must add it here;
-- DashboardCountsIntegrationTest recounts the whole table after every kind of change and fails
-- on a count that drifted.
create or replace function case_dashboard_count_case() returns trigger language plpgsql as $$
declare
    own constant text := 'select r.series_id, r.site_id, v.key, v.value, %s * v.d as d'
        || ' from %s r, case_dashboard_values(r) v where r.status = ''ACTIVE''';
begin
    if tg_op = 'INSERT' then
        execute case_dashboard_count_upsert(case_dashboard_rows_sql('new_rows', '1'));
    elsif tg_op = 'DELETE' then
        execute case_dashboard_count_upsert(format(own, '-1', 'old_rows'));
    elsif exists (
        select from new_rows n join old_rows o on o.id = n.id
        where (n.series_id, n.site_id, n.status, n.sections_filled, n.cci, n.length_of_stay_days,
                n.worst_clavien_dindo, n.complication_count, n.complication_keys,
                n.complication_key_counts, n.followup_start_date, n.created_at,
                n.followup_death_days, n.followup_last_days, n.followup_relapse_days,
                n.followup_month1_status, n.followup_month3_status, n.followup_month6_status,
                n.followup_month12_status)
            is distinct from
            (o.series_id, o.site_id, o.status, o.sections_filled, o.cci, o.length_of_stay_days,
                o.worst_clavien_dindo, o.complication_count, o.complication_keys,
                o.complication_key_counts, o.followup_start_date, o.created_at,
                o.followup_death_days, o.followup_last_days, o.followup_relapse_days,
                o.followup_month1_status, o.followup_month3_status, o.followup_month6_status,
                o.followup_month12_status))
    then
        execute case_dashboard_count_upsert(case_dashboard_rows_sql('new_rows', '1')
            || ' union all ' || case_dashboard_rows_sql('old_rows', '-1'));
    end if;
    return null;
end
$$;
