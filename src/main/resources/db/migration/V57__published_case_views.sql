-- The published read model of cases: what every other module (report, dashboard, query, freeze,
-- ...) reads of case data, instead of the storage tables, so that a change of storage cannot
-- silently break them. Owned by cases: a migration that changes a table below must keep its view
-- (PostgreSQL refuses to drop or retype a column a view reads, so the change cannot go unnoticed);
-- a column readers need is added to the view on purpose. Documented in cases/package-info.java;
-- PublishedReadModelTest fails when code outside cases names a storage table, and
-- PublishedViewsIntegrationTest keeps the views complete, inlined and read-only.
--
-- Every view is a plain projection of one table (no join, no aggregate, no filter), which
-- PostgreSQL inlines into the query that reads it: plans are those of the table (index use, the
-- removal of an unused left join), and reading through a view costs nothing.
--
-- Left out of every view: optimistic-locking versions, who changed a row and when (the audit trail
-- is cases' own), and on the case the revision, who created it and the withdrawal's details.

-- One row per case: its header, sign-off and every value derived from it at each save (stage
-- groups, CCI, worst grade, the complication tally, the follow-up summary, the warnings).
create view case_view as
select
    id, series_id, site_id, study_code, status, sign_off, created_at,
    bmi, age_at_surgery, clinical_stage, clinical_stage_reason, pathological_stage,
    pathological_stage_reason, pn_from_count, nodes_positive_total, nodes_examined_total,
    length_of_stay_days, cci, worst_clavien_dindo, complication_count, complication_keys,
    complication_key_counts, sections_filled, warning_codes, warning_count,
    followup_start_date, followup_death_days, followup_relapse_days, followup_last_days,
    followup_month1_status, followup_month3_status, followup_month6_status,
    followup_month12_status
from surgical_case;

-- Each built-in section (catalog.Section#view): the case, one column per catalog variable and the
-- missing reasons; list sections also their item's id and position. Single sections first.
create view case_patient_view as
select
    case_id, sex, age_years, birth_year, height_cm, weight_kg, bmi_entered, asa_class,
    comorbidities, hospital_record_number, patient_name, missing_reasons
from case_patient;

create view case_tumour_view as
select
    case_id, tumour_location, gastric_extension_over_2cm, histology, ct, cn, cm,
    missing_reasons
from case_tumour;

create view case_neoadjuvant_view as
select
    case_id, neoadjuvant_therapy, neoadjuvant_start_date, neoadjuvant_end_date,
    neoadjuvant_regimen, missing_reasons
from case_neoadjuvant;

create view case_operation_view as
select
    case_id, operation_date, surgeon_name, thoracic_approach, abdominal_approach,
    anastomosis_site, anastomosis_technique, lymphadenectomy, stomach_condition, conduit,
    conduit_time_min, operative_time_min, blood_loss_ml, pyloroplasty, feeding_jejunostomy,
    intraop_complication, intraop_complication_details, missing_reasons
from case_operation;

create view case_postop_view as
select
    case_id, chest_drain_removal_pod, ng_tube_removal_pod, oral_intake_pod, discharge_date,
    any_complication, readmission_30d, mortality_30d, mortality_90d, missing_reasons
from case_postop;

create view case_pathology_view as
select
    case_id, path_prefix, pt, pn, pm, grade, resection_margin, missing_reasons
from case_pathology;

create view case_adjuvant_view as
select
    case_id, adjuvant_therapy, adjuvant_start_date, adjuvant_regimen, missing_reasons
from case_adjuvant;

create view case_gastric_tumour_view as
select
    case_id, gastric_location, borrmann_type, lauren_type, gastric_histology, gastric_ct,
    gastric_cn, gastric_cm, gastric_chemotherapy, chemotherapy_regimen,
    chemotherapy_cycles_before_surgery, missing_reasons
from case_gastric_tumour;

create view case_gastric_operation_view as
select
    case_id, gastric_operation_date, gastric_approach, gastrectomy_extent,
    lymphadenectomy_level, reconstruction, combined_resection, combined_resection_details,
    gastric_operative_time_min, gastric_blood_loss_ml, gastric_intraop_event,
    gastric_intraop_event_details, missing_reasons
from case_gastric_operation;

create view case_gastric_postop_view as
select
    case_id, flatus_pod, gastric_oral_intake_pod, gastric_discharge_date,
    gastric_any_complication, gastric_readmission_30d, gastric_mortality_30d,
    gastric_mortality_90d, missing_reasons
from case_gastric_postop;

create view case_gastric_pathology_view as
select
    case_id, gastric_path_prefix, gastric_pt, gastric_pn, gastric_pm, gastric_grade,
    proximal_margin_cm, distal_margin_cm, gastric_resection_margin, missing_reasons
from case_gastric_pathology;

-- The list sections: one row per item.
create view case_complication_view as
select
    id, case_id, position, complication_type, complication_description, clavien_dindo,
    eccg_severity, onset_pod, present_at_discharge, missing_reasons
from case_complication;

create view case_node_group_view as
select
    id, case_id, position, node_field, node_station, nodes_positive, nodes_examined,
    missing_reasons
from case_node_group;

create view case_followup_view as
select
    id, case_id, position, visit_month, visit_date, followup_status, followup_notes,
    missing_reasons
from case_followup;

create view case_gastric_complication_view as
select
    id, case_id, position, gastric_complication_type, gastric_complication_description,
    popf_grade, gastric_clavien_dindo, gastric_onset_pod, gastric_present_at_discharge,
    missing_reasons
from case_gastric_complication;

create view case_gastric_node_station_view as
select
    id, case_id, position, jgca_station, station_nodes_positive, station_nodes_examined,
    missing_reasons
from case_gastric_node_station;

-- Custom sections of a series' form: the values of a single section (one row per case and
-- section), the items of a repeating one.
create view case_custom_section_view as
select
    case_id, section_key, field_values, missing_reasons
from case_custom_section;

create view case_custom_item_view as
select
    id, case_id, section_key, position, field_values, missing_reasons
from case_custom_item;

-- Read-only: a write through a view would bypass cases' checks, audit and derived values (a
-- simple view is otherwise updatable, even by the owner and a superuser).
create function published_view_is_read_only() returns trigger language plpgsql as $$
begin
    raise exception '% is a read-only view of case data: write through the cases module',
        tg_table_name;
end
$$;
create trigger read_only instead of insert or update or delete on case_view
    for each row execute function published_view_is_read_only();
create trigger read_only instead of insert or update or delete on case_patient_view
    for each row execute function published_view_is_read_only();
create trigger read_only instead of insert or update or delete on case_tumour_view
    for each row execute function published_view_is_read_only();
create trigger read_only instead of insert or update or delete on case_neoadjuvant_view
    for each row execute function published_view_is_read_only();
create trigger read_only instead of insert or update or delete on case_operation_view
    for each row execute function published_view_is_read_only();
create trigger read_only instead of insert or update or delete on case_postop_view
    for each row execute function published_view_is_read_only();
create trigger read_only instead of insert or update or delete on case_pathology_view
    for each row execute function published_view_is_read_only();
create trigger read_only instead of insert or update or delete on case_adjuvant_view
    for each row execute function published_view_is_read_only();
create trigger read_only instead of insert or update or delete on case_gastric_tumour_view
    for each row execute function published_view_is_read_only();
create trigger read_only instead of insert or update or delete on case_gastric_operation_view
    for each row execute function published_view_is_read_only();
create trigger read_only instead of insert or update or delete on case_gastric_postop_view
    for each row execute function published_view_is_read_only();
create trigger read_only instead of insert or update or delete on case_gastric_pathology_view
    for each row execute function published_view_is_read_only();
create trigger read_only instead of insert or update or delete on case_complication_view
    for each row execute function published_view_is_read_only();
create trigger read_only instead of insert or update or delete on case_node_group_view
    for each row execute function published_view_is_read_only();
create trigger read_only instead of insert or update or delete on case_followup_view
    for each row execute function published_view_is_read_only();
create trigger read_only instead of insert or update or delete on case_gastric_complication_view
    for each row execute function published_view_is_read_only();
create trigger read_only instead of insert or update or delete on case_gastric_node_station_view
    for each row execute function published_view_is_read_only();
create trigger read_only instead of insert or update or delete on case_custom_section_view
    for each row execute function published_view_is_read_only();
create trigger read_only instead of insert or update or delete on case_custom_item_view
    for each row execute function published_view_is_read_only();
