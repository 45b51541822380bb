-- V56's trigger on surgical_case, cheaper for the update every section save makes (the case's
-- derived values): the counts of a case's sections move only when its series, site, status or
-- sign-off state changed. V56 planned that part for every update, a dynamic statement over the
-- eleven section tables, twice: 2.5 ms of every save even when no case had moved (the
-- benchmark's EXPLAIN ANALYZE of one case update: 3.14 ms for this trigger before, 0.65 after).
-- One check of the transition tables now decides, as V58's trigger for the custom counts does.
-- The counts are the same (SummaryCountsIntegrationTest recounts the whole table after every kind
-- of change, moves included).
create or replace function case_value_count_case() returns trigger language plpgsql as $$
declare
    derived constant text := 'select r.series_id, v.variable, r.site_id,'
        || ' r.sign_off = ''LOCKED'' as locked, v.value, v.reason, %s as d'
        || ' from %s r, case_values_surgical_case(r) v where r.status = ''ACTIVE''';
    -- The sections of the cases counted under other dimensions than before.
    moved constant text := 'select r.series_id, s.variable, r.site_id,'
        || ' r.sign_off = ''LOCKED'' as locked, s.value, s.reason, %s as d'
        || ' from %s r, case_section_values(array('
        || ' select n.id from new_rows n join old_rows o on o.id = n.id'
        || ' where (n.series_id, n.site_id, n.status = ''ACTIVE'', n.sign_off = ''LOCKED'')'
        || ' is distinct from (o.series_id, o.site_id, o.status = ''ACTIVE'','
        || ' o.sign_off = ''LOCKED''))) s'
        || ' where s.case_id = r.id and r.status = ''ACTIVE''';
    changes text;
begin
    if tg_op = 'INSERT' then
        execute case_value_count_upsert(format(derived, '1', 'new_rows'));
    elsif tg_op = 'DELETE' then
        execute case_value_count_upsert(format(derived, '-1', 'old_rows'));
    else
        changes := format(derived, '1', 'new_rows')
            || ' union all ' || format(derived, '-1', 'old_rows');
        if exists (
            select from new_rows n join old_rows o on o.id = n.id
            where (n.series_id, n.site_id, n.status = 'ACTIVE', n.sign_off = 'LOCKED')
                is distinct from (o.series_id, o.site_id, o.status = 'ACTIVE', o.sign_off = 'LOCKED'))
        then
            changes := changes
                || ' union all ' || format(moved, '1', 'new_rows')
                || ' union all ' || format(moved, '-1', 'old_rows');
        end if;
        execute case_value_count_upsert(changes);
    end if;
    return null;
end
$$;
