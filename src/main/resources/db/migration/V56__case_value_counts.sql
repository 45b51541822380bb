-- Per-value counts of the summary variables (issue 17): for every series, site and sign-off state
-- (locked or not), how many active cases hold each value (or code) of each built-in summary
-- variable, or no value with a missing reason. The summary table over a whole series reads these
-- few thousand rows instead of 80,000 cases joined to their sections; medians and quartiles come
-- out exact because every distinct value is counted. A case without a value and without a reason
-- is not stored: "not entered" is the group's size (case_count, V55) minus the stored counts.
--
-- Kept exact in the transaction of every write by triggers, like case_count: statement-level on
-- surgical_case (derived columns; a change of site, series, status or sign-off moves all of a
-- case's counts) and on each single section table (one grouped upsert per statement, whatever
-- the number of rows: a section save, an import, a field correction, a COPY). Only rows whose
-- count changes are touched, in key order (concurrent writers lock them in the same order), with
-- "n = n + excluded.n" (no lost update). A case deleted for good loses its section counts in a
-- row-level trigger before the delete (its sections then go by cascade while the case is no
-- longer visible to their triggers). Derived data: backups leave it out, a restore rebuilds it.
--
-- The variables are those of report.SummaryVariable (catalog variables of the single sections,
-- identifiers, dates and text excepted, and the derived columns); SummaryCountsIntegrationTest
-- fails when one is not counted here. A new summary variable needs a migration that replaces the
-- case_values_<table> function of its table and rebuilds the counts (case_value_count_of(0)).
lock table surgical_case in share mode;

lock table case_patient in share mode;
lock table case_tumour in share mode;
lock table case_neoadjuvant in share mode;
lock table case_operation in share mode;
lock table case_postop in share mode;
lock table case_pathology in share mode;
lock table case_adjuvant in share mode;
lock table case_gastric_tumour in share mode;
lock table case_gastric_operation in share mode;
lock table case_gastric_postop in share mode;
lock table case_gastric_pathology in share mode;

create table case_value_count (
    series_id bigint      not null,
    variable  varchar(80) not null,
    site_id   bigint      not null,
    locked    boolean     not null,
    value     text,
    reason    text,
    n         bigint      not null,
    constraint case_value_count_key
        unique nulls not distinct (series_id, variable, site_id, locked, value, reason)
);

-- The counted values of one row of each table: the value as text (as the summary casts it), or
-- the missing reason when there is no value; rows with neither are left out.
create function case_values_case_patient(r case_patient) returns table (variable text, value text, reason text)
language sql immutable as $$
    select v.variable, v.value, case when v.value is null then v.reason end
    from (values
        ('sex', cast(r.sex as text), r.missing_reasons->>'sex'),
        ('age_years', cast(r.age_years as text), r.missing_reasons->>'age_years'),
        ('birth_year', cast(r.birth_year as text), r.missing_reasons->>'birth_year'),
        ('height_cm', cast(r.height_cm as text), r.missing_reasons->>'height_cm'),
        ('weight_kg', cast(r.weight_kg as text), r.missing_reasons->>'weight_kg'),
        ('bmi_entered', cast(r.bmi_entered as text), r.missing_reasons->>'bmi_entered'),
        ('asa_class', cast(r.asa_class as text), r.missing_reasons->>'asa_class')
    ) v (variable, value, reason)
    where v.value is not null or v.reason is not null
$$;

create function case_values_case_tumour(r case_tumour) returns table (variable text, value text, reason text)
language sql immutable as $$
    select v.variable, v.value, case when v.value is null then v.reason end
    from (values
        ('tumour_location', cast(r.tumour_location as text), r.missing_reasons->>'tumour_location'),
        ('gastric_extension_over_2cm', cast(r.gastric_extension_over_2cm as text), r.missing_reasons->>'gastric_extension_over_2cm'),
        ('histology', cast(r.histology as text), r.missing_reasons->>'histology'),
        ('ct', cast(r.ct as text), r.missing_reasons->>'ct'),
        ('cn', cast(r.cn as text), r.missing_reasons->>'cn'),
        ('cm', cast(r.cm as text), r.missing_reasons->>'cm')
    ) v (variable, value, reason)
    where v.value is not null or v.reason is not null
$$;

create function case_values_case_neoadjuvant(r case_neoadjuvant) returns table (variable text, value text, reason text)
language sql immutable as $$
    select v.variable, v.value, case when v.value is null then v.reason end
    from (values
        ('neoadjuvant_therapy', cast(r.neoadjuvant_therapy as text), r.missing_reasons->>'neoadjuvant_therapy')
    ) v (variable, value, reason)
    where v.value is not null or v.reason is not null
$$;

create function case_values_case_operation(r case_operation) returns table (variable text, value text, reason text)
language sql immutable as $$
    select v.variable, v.value, case when v.value is null then v.reason end
    from (values
        ('thoracic_approach', cast(r.thoracic_approach as text), r.missing_reasons->>'thoracic_approach'),
        ('abdominal_approach', cast(r.abdominal_approach as text), r.missing_reasons->>'abdominal_approach'),
        ('anastomosis_site', cast(r.anastomosis_site as text), r.missing_reasons->>'anastomosis_site'),
        ('anastomosis_technique', cast(r.anastomosis_technique as text), r.missing_reasons->>'anastomosis_technique'),
        ('lymphadenectomy', cast(r.lymphadenectomy as text), r.missing_reasons->>'lymphadenectomy'),
        ('stomach_condition', cast(r.stomach_condition as text), r.missing_reasons->>'stomach_condition'),
        ('conduit', cast(r.conduit as text), r.missing_reasons->>'conduit'),
        ('conduit_time_min', cast(r.conduit_time_min as text), r.missing_reasons->>'conduit_time_min'),
        ('operative_time_min', cast(r.operative_time_min as text), r.missing_reasons->>'operative_time_min'),
        ('blood_loss_ml', cast(r.blood_loss_ml as text), r.missing_reasons->>'blood_loss_ml'),
        ('pyloroplasty', cast(r.pyloroplasty as text), r.missing_reasons->>'pyloroplasty'),
        ('feeding_jejunostomy', cast(r.feeding_jejunostomy as text), r.missing_reasons->>'feeding_jejunostomy'),
        ('intraop_complication', cast(r.intraop_complication as text), r.missing_reasons->>'intraop_complication')
    ) v (variable, value, reason)
    where v.value is not null or v.reason is not null
$$;

create function case_values_case_postop(r case_postop) returns table (variable text, value text, reason text)
language sql immutable as $$
    select v.variable, v.value, case when v.value is null then v.reason end
    from (values
        ('chest_drain_removal_pod', cast(r.chest_drain_removal_pod as text), r.missing_reasons->>'chest_drain_removal_pod'),
        ('ng_tube_removal_pod', cast(r.ng_tube_removal_pod as text), r.missing_reasons->>'ng_tube_removal_pod'),
        ('oral_intake_pod', cast(r.oral_intake_pod as text), r.missing_reasons->>'oral_intake_pod'),
        ('any_complication', cast(r.any_complication as text), r.missing_reasons->>'any_complication'),
        ('readmission_30d', cast(r.readmission_30d as text), r.missing_reasons->>'readmission_30d'),
        ('mortality_30d', cast(r.mortality_30d as text), r.missing_reasons->>'mortality_30d'),
        ('mortality_90d', cast(r.mortality_90d as text), r.missing_reasons->>'mortality_90d')
    ) v (variable, value, reason)
    where v.value is not null or v.reason is not null
$$;

create function case_values_case_pathology(r case_pathology) returns table (variable text, value text, reason text)
language sql immutable as $$
    select v.variable, v.value, case when v.value is null then v.reason end
    from (values
        ('path_prefix', cast(r.path_prefix as text), r.missing_reasons->>'path_prefix'),
        ('pt', cast(r.pt as text), r.missing_reasons->>'pt'),
        ('pn', cast(r.pn as text), r.missing_reasons->>'pn'),
        ('pm', cast(r.pm as text), r.missing_reasons->>'pm'),
        ('grade', cast(r.grade as text), r.missing_reasons->>'grade'),
        ('resection_margin', cast(r.resection_margin as text), r.missing_reasons->>'resection_margin')
    ) v (variable, value, reason)
    where v.value is not null or v.reason is not null
$$;

create function case_values_case_adjuvant(r case_adjuvant) returns table (variable text, value text, reason text)
language sql immutable as $$
    select v.variable, v.value, case when v.value is null then v.reason end
    from (values
        ('adjuvant_therapy', cast(r.adjuvant_therapy as text), r.missing_reasons->>'adjuvant_therapy')
    ) v (variable, value, reason)
    where v.value is not null or v.reason is not null
$$;

create function case_values_case_gastric_tumour(r case_gastric_tumour) returns table (variable text, value text, reason text)
language sql immutable as $$
    select v.variable, v.value, case when v.value is null then v.reason end
    from (values
        ('gastric_location', cast(r.gastric_location as text), r.missing_reasons->>'gastric_location'),
        ('borrmann_type', cast(r.borrmann_type as text), r.missing_reasons->>'borrmann_type'),
        ('lauren_type', cast(r.lauren_type as text), r.missing_reasons->>'lauren_type'),
        ('gastric_histology', cast(r.gastric_histology as text), r.missing_reasons->>'gastric_histology'),
        ('gastric_ct', cast(r.gastric_ct as text), r.missing_reasons->>'gastric_ct'),
        ('gastric_cn', cast(r.gastric_cn as text), r.missing_reasons->>'gastric_cn'),
        ('gastric_cm', cast(r.gastric_cm as text), r.missing_reasons->>'gastric_cm'),
        ('gastric_chemotherapy', cast(r.gastric_chemotherapy as text), r.missing_reasons->>'gastric_chemotherapy'),
        ('chemotherapy_regimen', cast(r.chemotherapy_regimen as text), r.missing_reasons->>'chemotherapy_regimen'),
        ('chemotherapy_cycles_before_surgery', cast(r.chemotherapy_cycles_before_surgery as text), r.missing_reasons->>'chemotherapy_cycles_before_surgery')
    ) v (variable, value, reason)
    where v.value is not null or v.reason is not null
$$;

create function case_values_case_gastric_operation(r case_gastric_operation) returns table (variable text, value text, reason text)
language sql immutable as $$
    select v.variable, v.value, case when v.value is null then v.reason end
    from (values
        ('gastric_approach', cast(r.gastric_approach as text), r.missing_reasons->>'gastric_approach'),
        ('gastrectomy_extent', cast(r.gastrectomy_extent as text), r.missing_reasons->>'gastrectomy_extent'),
        ('lymphadenectomy_level', cast(r.lymphadenectomy_level as text), r.missing_reasons->>'lymphadenectomy_level'),
        ('reconstruction', cast(r.reconstruction as text), r.missing_reasons->>'reconstruction'),
        ('combined_resection', cast(r.combined_resection as text), r.missing_reasons->>'combined_resection'),
        ('gastric_operative_time_min', cast(r.gastric_operative_time_min as text), r.missing_reasons->>'gastric_operative_time_min'),
        ('gastric_blood_loss_ml', cast(r.gastric_blood_loss_ml as text), r.missing_reasons->>'gastric_blood_loss_ml'),
        ('gastric_intraop_event', cast(r.gastric_intraop_event as text), r.missing_reasons->>'gastric_intraop_event')
    ) v (variable, value, reason)
    where v.value is not null or v.reason is not null
$$;

create function case_values_case_gastric_postop(r case_gastric_postop) returns table (variable text, value text, reason text)
language sql immutable as $$
    select v.variable, v.value, case when v.value is null then v.reason end
    from (values
        ('flatus_pod', cast(r.flatus_pod as text), r.missing_reasons->>'flatus_pod'),
        ('gastric_oral_intake_pod', cast(r.gastric_oral_intake_pod as text), r.missing_reasons->>'gastric_oral_intake_pod'),
        ('gastric_any_complication', cast(r.gastric_any_complication as text), r.missing_reasons->>'gastric_any_complication'),
        ('gastric_readmission_30d', cast(r.gastric_readmission_30d as text), r.missing_reasons->>'gastric_readmission_30d'),
        ('gastric_mortality_30d', cast(r.gastric_mortality_30d as text), r.missing_reasons->>'gastric_mortality_30d'),
        ('gastric_mortality_90d', cast(r.gastric_mortality_90d as text), r.missing_reasons->>'gastric_mortality_90d')
    ) v (variable, value, reason)
    where v.value is not null or v.reason is not null
$$;

create function case_values_case_gastric_pathology(r case_gastric_pathology) returns table (variable text, value text, reason text)
language sql immutable as $$
    select v.variable, v.value, case when v.value is null then v.reason end
    from (values
        ('gastric_path_prefix', cast(r.gastric_path_prefix as text), r.missing_reasons->>'gastric_path_prefix'),
        ('gastric_pt', cast(r.gastric_pt as text), r.missing_reasons->>'gastric_pt'),
        ('gastric_pn', cast(r.gastric_pn as text), r.missing_reasons->>'gastric_pn'),
        ('gastric_pm', cast(r.gastric_pm as text), r.missing_reasons->>'gastric_pm'),
        ('gastric_grade', cast(r.gastric_grade as text), r.missing_reasons->>'gastric_grade'),
        ('proximal_margin_cm', cast(r.proximal_margin_cm as text), r.missing_reasons->>'proximal_margin_cm'),
        ('distal_margin_cm', cast(r.distal_margin_cm as text), r.missing_reasons->>'distal_margin_cm'),
        ('gastric_resection_margin', cast(r.gastric_resection_margin as text), r.missing_reasons->>'gastric_resection_margin')
    ) v (variable, value, reason)
    where v.value is not null or v.reason is not null
$$;

create function case_values_surgical_case(r surgical_case) returns table (variable text, value text, reason text)
language sql immutable as $$
    select v.variable, v.value, case when v.value is null then v.reason end
    from (values
        ('bmi', cast(r.bmi as text), cast(null as text)),
        ('age_at_surgery', cast(r.age_at_surgery as text), cast(null as text)),
        ('clinical_stage', cast(r.clinical_stage as text), cast(null as text)),
        ('pathological_stage', cast(r.pathological_stage as text), cast(null as text)),
        ('pn_from_count', cast(r.pn_from_count as text), cast(null as text)),
        ('nodes_positive_total', cast(r.nodes_positive_total as text), cast(null as text)),
        ('nodes_examined_total', cast(r.nodes_examined_total as text), cast(null as text)),
        ('length_of_stay_days', cast(r.length_of_stay_days as text), cast(null as text)),
        ('cci', cast(r.cci as text), cast(null as text)),
        ('worst_clavien_dindo', cast(r.worst_clavien_dindo as text), cast(null as text)),
        ('complication_count', cast(r.complication_count as text), cast(null as text))
    ) v (variable, value, reason)
    where v.value is not null or v.reason is not null
$$;

-- The counted values of the sections of some cases.
create function case_section_values(ids bigint[])
    returns table (case_id bigint, variable text, value text, reason text)
language sql stable as $$
    select r.case_id, v.* from case_patient r, case_values_case_patient(r) v where r.case_id = any (ids)
    union all
    select r.case_id, v.* from case_tumour r, case_values_case_tumour(r) v where r.case_id = any (ids)
    union all
    select r.case_id, v.* from case_neoadjuvant r, case_values_case_neoadjuvant(r) v where r.case_id = any (ids)
    union all
    select r.case_id, v.* from case_operation r, case_values_case_operation(r) v where r.case_id = any (ids)
    union all
    select r.case_id, v.* from case_postop r, case_values_case_postop(r) v where r.case_id = any (ids)
    union all
    select r.case_id, v.* from case_pathology r, case_values_case_pathology(r) v where r.case_id = any (ids)
    union all
    select r.case_id, v.* from case_adjuvant r, case_values_case_adjuvant(r) v where r.case_id = any (ids)
    union all
    select r.case_id, v.* from case_gastric_tumour r, case_values_case_gastric_tumour(r) v where r.case_id = any (ids)
    union all
    select r.case_id, v.* from case_gastric_operation r, case_values_case_gastric_operation(r) v where r.case_id = any (ids)
    union all
    select r.case_id, v.* from case_gastric_postop r, case_values_case_gastric_postop(r) v where r.case_id = any (ids)
    union all
    select r.case_id, v.* from case_gastric_pathology r, case_values_case_gastric_pathology(r) v where r.case_id = any (ids)
$$;

-- The counts of the active cases from a given id on, computed from the cases: the backfill
-- below, the synthetic registry's bulk load (which writes without triggers) and the tests.
create function case_value_count_of(first_case_id bigint)
    returns table (series_id bigint, variable text, site_id bigint, locked boolean,
                   value text, reason text, n bigint)
language sql stable as $$
    select c.series_id, x.variable, c.site_id, c.sign_off = 'LOCKED', x.value, x.reason, count(*)
    from (
        select c.id as case_id, v.* from surgical_case c, case_values_surgical_case(c) v where c.id >= first_case_id
        union all
        select r.case_id, v.* from case_patient r, case_values_case_patient(r) v where r.case_id >= first_case_id
        union all
        select r.case_id, v.* from case_tumour r, case_values_case_tumour(r) v where r.case_id >= first_case_id
        union all
        select r.case_id, v.* from case_neoadjuvant r, case_values_case_neoadjuvant(r) v where r.case_id >= first_case_id
        union all
        select r.case_id, v.* from case_operation r, case_values_case_operation(r) v where r.case_id >= first_case_id
        union all
        select r.case_id, v.* from case_postop r, case_values_case_postop(r) v where r.case_id >= first_case_id
        union all
        select r.case_id, v.* from case_pathology r, case_values_case_pathology(r) v where r.case_id >= first_case_id
        union all
        select r.case_id, v.* from case_adjuvant r, case_values_case_adjuvant(r) v where r.case_id >= first_case_id
        union all
        select r.case_id, v.* from case_gastric_tumour r, case_values_case_gastric_tumour(r) v where r.case_id >= first_case_id
        union all
        select r.case_id, v.* from case_gastric_operation r, case_values_case_gastric_operation(r) v where r.case_id >= first_case_id
        union all
        select r.case_id, v.* from case_gastric_postop r, case_values_case_gastric_postop(r) v where r.case_id >= first_case_id
        union all
        select r.case_id, v.* from case_gastric_pathology r, case_values_case_gastric_pathology(r) v where r.case_id >= first_case_id
    ) x
    join surgical_case c on c.id = x.case_id
    where c.status = 'ACTIVE'
    group by 1, 2, 3, 4, 5, 6
$$;

insert into case_value_count (series_id, variable, site_id, locked, value, reason, n)
select * from case_value_count_of(0);

-- The statement that adds signed changes (one row per counted value, d = +1 or -1) to the
-- counts, in key order. The triggers run it themselves (EXECUTE): a trigger's transition tables
-- are visible only to the statements of the trigger function.
create function case_value_count_upsert(changes text) returns text language plpgsql immutable as $$
begin
    return 'insert into case_value_count as k'
        || ' (series_id, variable, site_id, locked, value, reason, n)'
        || ' select series_id, variable, site_id, locked, value, reason, sum(d)'
        || ' from (' || changes || ') x'
        || ' group by series_id, variable, site_id, locked, value, reason'
        || ' having sum(d) <> 0'
        || ' order by series_id, variable, site_id, locked, value, reason'
        || ' on conflict (series_id, variable, site_id, locked, value, reason)'
        || ' do update set n = k.n + excluded.n';
end
$$;

-- A section table's rows inserted, updated or deleted: their values counted in or out for the
-- case's series, site and sign-off state, if the case is active (and still there: see below).
create function case_value_count_section() returns trigger language plpgsql as $$
declare
    counted constant text := 'select c.series_id, v.variable, c.site_id,'
        || ' c.sign_off = ''LOCKED'' as locked, v.value, v.reason, %s as d'
        || ' from %s r join surgical_case c on c.id = r.case_id and c.status = ''ACTIVE'','
        || ' case_values_' || tg_table_name || '(r) v';
begin
    if tg_op = 'INSERT' then
        execute case_value_count_upsert(format(counted, '1', 'new_rows'));
    elsif tg_op = 'DELETE' then
        execute case_value_count_upsert(format(counted, '-1', 'old_rows'));
    else
        execute case_value_count_upsert(format(counted, '1', 'new_rows')
            || ' union all ' || format(counted, '-1', 'old_rows'));
    end if;
    return null;
end
$$;

create trigger case_value_count_insert after insert on case_patient
    referencing new table as new_rows for each statement execute function case_value_count_section();
create trigger case_value_count_delete after delete on case_patient
    referencing old table as old_rows for each statement execute function case_value_count_section();
create trigger case_value_count_update after update on case_patient
    referencing old table as old_rows new table as new_rows for each statement execute function case_value_count_section();
create trigger case_value_count_insert after insert on case_tumour
    referencing new table as new_rows for each statement execute function case_value_count_section();
create trigger case_value_count_delete after delete on case_tumour
    referencing old table as old_rows for each statement execute function case_value_count_section();
create trigger case_value_count_update after update on case_tumour
    referencing old table as old_rows new table as new_rows for each statement execute function case_value_count_section();
create trigger case_value_count_insert after insert on case_neoadjuvant
    referencing new table as new_rows for each statement execute function case_value_count_section();
create trigger case_value_count_delete after delete on case_neoadjuvant
    referencing old table as old_rows for each statement execute function case_value_count_section();
create trigger case_value_count_update after update on case_neoadjuvant
    referencing old table as old_rows new table as new_rows for each statement execute function case_value_count_section();
create trigger case_value_count_insert after insert on case_operation
    referencing new table as new_rows for each statement execute function case_value_count_section();
create trigger case_value_count_delete after delete on case_operation
    referencing old table as old_rows for each statement execute function case_value_count_section();
create trigger case_value_count_update after update on case_operation
    referencing old table as old_rows new table as new_rows for each statement execute function case_value_count_section();
create trigger case_value_count_insert after insert on case_postop
    referencing new table as new_rows for each statement execute function case_value_count_section();
create trigger case_value_count_delete after delete on case_postop
    referencing old table as old_rows for each statement execute function case_value_count_section();
create trigger case_value_count_update after update on case_postop
    referencing old table as old_rows new table as new_rows for each statement execute function case_value_count_section();
create trigger case_value_count_insert after insert on case_pathology
    referencing new table as new_rows for each statement execute function case_value_count_section();
create trigger case_value_count_delete after delete on case_pathology
    referencing old table as old_rows for each statement execute function case_value_count_section();
create trigger case_value_count_update after update on case_pathology
    referencing old table as old_rows new table as new_rows for each statement execute function case_value_count_section();
create trigger case_value_count_insert after insert on case_adjuvant
    referencing new table as new_rows for each statement execute function case_value_count_section();
create trigger case_value_count_delete after delete on case_adjuvant
    referencing old table as old_rows for each statement execute function case_value_count_section();
create trigger case_value_count_update after update on case_adjuvant
    referencing old table as old_rows new table as new_rows for each statement execute function case_value_count_section();
create trigger case_value_count_insert after insert on case_gastric_tumour
    referencing new table as new_rows for each statement execute function case_value_count_section();
create trigger case_value_count_delete after delete on case_gastric_tumour
    referencing old table as old_rows for each statement execute function case_value_count_section();
create trigger case_value_count_update after update on case_gastric_tumour
    referencing old table as old_rows new table as new_rows for each statement execute function case_value_count_section();
create trigger case_value_count_insert after insert on case_gastric_operation
    referencing new table as new_rows for each statement execute function case_value_count_section();
create trigger case_value_count_delete after delete on case_gastric_operation
    referencing old table as old_rows for each statement execute function case_value_count_section();
create trigger case_value_count_update after update on case_gastric_operation
    referencing old table as old_rows new table as new_rows for each statement execute function case_value_count_section();
create trigger case_value_count_insert after insert on case_gastric_postop
    referencing new table as new_rows for each statement execute function case_value_count_section();
create trigger case_value_count_delete after delete on case_gastric_postop
    referencing old table as old_rows for each statement execute function case_value_count_section();
create trigger case_value_count_update after update on case_gastric_postop
    referencing old table as old_rows new table as new_rows for each statement execute function case_value_count_section();
create trigger case_value_count_insert after insert on case_gastric_pathology
    referencing new table as new_rows for each statement execute function case_value_count_section();
create trigger case_value_count_delete after delete on case_gastric_pathology
    referencing old table as old_rows for each statement execute function case_value_count_section();
create trigger case_value_count_update after update on case_gastric_pathology
    referencing old table as old_rows new table as new_rows for each statement execute function case_value_count_section();

-- surgical_case: its derived columns counted in and out; a case whose series, site, status or
-- sign-off state changes moves the counts of its sections too.
create function case_value_count_case() returns trigger language plpgsql as $$
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
begin
    if tg_op = 'INSERT' then
        execute case_value_count_upsert(format(derived, '1', 'new_rows'));
    elsif tg_op = 'DELETE' then
        execute case_value_count_upsert(format(derived, '-1', 'old_rows'));
    else
        execute case_value_count_upsert(format(derived, '1', 'new_rows')
            || ' union all ' || format(derived, '-1', 'old_rows')
            || ' union all ' || format(moved, '1', 'new_rows')
            || ' union all ' || format(moved, '-1', 'old_rows'));
    end if;
    return null;
end
$$;

create trigger case_value_count_insert after insert on surgical_case
    referencing new table as new_rows for each statement execute function case_value_count_case();
create trigger case_value_count_delete after delete on surgical_case
    referencing old table as old_rows for each statement execute function case_value_count_case();
create trigger case_value_count_update after update on surgical_case
    referencing old table as old_rows new table as new_rows
    for each statement execute function case_value_count_case();

-- A case deleted for good: its sections' counts out before the cascade deletes them (their own
-- triggers then find no case and count nothing).
create function case_value_count_purge() returns trigger language plpgsql as $$
begin
    if old.status = 'ACTIVE' then
        insert into case_value_count as k (series_id, variable, site_id, locked, value, reason, n)
        select old.series_id, s.variable, old.site_id, old.sign_off = 'LOCKED', s.value, s.reason,
            -count(*)
        from case_section_values(array[old.id]) s
        group by 1, 2, 3, 4, 5, 6
        order by 1, 2, 3, 4, 5, 6
        on conflict (series_id, variable, site_id, locked, value, reason)
            do update set n = k.n + excluded.n;
    end if;
    return old;
end
$$;

create trigger case_value_count_purge before delete on surgical_case
    for each row execute function case_value_count_purge();
