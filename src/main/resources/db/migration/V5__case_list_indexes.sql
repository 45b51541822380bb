-- The case list pages through a series in study-code order (BN2 before BN10): an index in that
-- order lets a page be read without sorting the whole series.
create index surgical_case_list_order_idx
    on surgical_case (series_id, length(study_code), lower(study_code), id);
create index surgical_case_site_list_order_idx
    on surgical_case (series_id, site_id, length(study_code), lower(study_code), id);
