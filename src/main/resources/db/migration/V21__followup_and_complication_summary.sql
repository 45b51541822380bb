-- What each case's follow-up visits sum up to, stored with its other derived values so that the
-- dashboard counts cases instead of reading every visit (see followup.FollowUpSummary, which
-- computes the same from now on, at every save and import):
--   followup_start_date      time zero: the operation date
--   followup_death_days      days from the operation to the first DIED visit
--   followup_relapse_days    days to the first DIED, RECURRENCE or METASTASIS visit
--   followup_last_days       days to the last visit
--   followup_monthN_status   the status counted in the N-month window: a death if there is one,
--                            else the latest visit (the later status in the code list at a tie)
-- A visit's time is visit date - operation date, or visit month x 30.4375 days; visits without a
-- time or before the operation do not count. Windows: 1 month = 0 to 60.875 days, 3 = over 60.875
-- to 136.96875, 6 = over 136.96875 to 273.9375, 12 = over 273.9375 to 547.875.
alter table surgical_case
    add column followup_start_date     date,
    add column followup_death_days     double precision,
    add column followup_relapse_days   double precision,
    add column followup_last_days      double precision,
    add column followup_month1_status  varchar(40),
    add column followup_month3_status  varchar(40),
    add column followup_month6_status  varchar(40),
    add column followup_month12_status varchar(40);

update surgical_case c
set followup_start_date = o.operation_date
from case_operation o
where o.case_id = c.id and o.operation_date is not null;

with visit as (
    select f.case_id,
           coalesce(f.followup_status, 'UNKNOWN') as status,
           array_position(array['WELL', 'REFLUX', 'DYSPHAGIA', 'ANASTOMOTIC_STRICTURE', 'RECURRENCE',
                                 'METASTASIS', 'DIED', 'UNKNOWN']::varchar[],
                          coalesce(f.followup_status, 'UNKNOWN')) as code,
           case when f.visit_date is not null and o.operation_date is not null
                then (f.visit_date - o.operation_date)::float8
                when f.visit_month is not null then f.visit_month * 30.4375::float8 end as t
    from case_followup f
    left join case_operation o on o.case_id = f.case_id
), summary as (
    select case_id,
           min(t) filter (where t >= 0 and status = 'DIED') as death,
           min(t) filter (where t >= 0 and status in ('DIED', 'RECURRENCE', 'METASTASIS')) as relapse,
           max(t) filter (where t >= 0) as last_seen,
           (array_agg(status order by status = 'DIED' desc, t desc, code desc)
               filter (where t >= 0 and t <= 60.875))[1] as month1,
           (array_agg(status order by status = 'DIED' desc, t desc, code desc)
               filter (where t > 60.875 and t <= 136.96875))[1] as month3,
           (array_agg(status order by status = 'DIED' desc, t desc, code desc)
               filter (where t > 136.96875 and t <= 273.9375))[1] as month6,
           (array_agg(status order by status = 'DIED' desc, t desc, code desc)
               filter (where t > 273.9375 and t <= 547.875))[1] as month12
    from visit
    group by case_id
)
update surgical_case c
set followup_death_days = s.death,
    followup_relapse_days = s.relapse,
    followup_last_days = s.last_seen,
    followup_month1_status = s.month1,
    followup_month3_status = s.month3,
    followup_month6_status = s.month6,
    followup_month12_status = s.month12
from summary s
where s.case_id = c.id;

-- Each case's complications counted per key, so that the dashboard counts complications and
-- patients from the cases instead of reading every complication (see CaseRules.complicationTally,
-- which computes the same from now on): GRADE:<Clavien-Dindo grade>, CATEGORY:<ECCG category>,
-- ITEM:<ECCG item> and, for anastomotic leaks, LEAK:<ECCG severity type>; the part after the colon
-- is empty when not given. Keys in text order, counts in the same order.
alter table surgical_case
    add column complication_keys       text[] not null default '{}',
    add column complication_key_counts integer[] not null default '{}';

with category(complication_type, category) as (
    values
        ('PNEUMONIA', 'PULMONARY'),
        ('PLEURAL_EFFUSION', 'PULMONARY'),
        ('PNEUMOTHORAX', 'PULMONARY'),
        ('ATELECTASIS', 'PULMONARY'),
        ('RESPIRATORY_FAILURE', 'PULMONARY'),
        ('ARDS', 'PULMONARY'),
        ('ACUTE_ASPIRATION', 'PULMONARY'),
        ('TRACHEOBRONCHIAL_INJURY', 'PULMONARY'),
        ('PROLONGED_AIR_LEAK', 'PULMONARY'),
        ('CARDIAC_ARREST', 'CARDIAC'),
        ('MYOCARDIAL_INFARCTION', 'CARDIAC'),
        ('ATRIAL_ARRHYTHMIA', 'CARDIAC'),
        ('VENTRICULAR_ARRHYTHMIA', 'CARDIAC'),
        ('HEART_FAILURE', 'CARDIAC'),
        ('PERICARDITIS', 'CARDIAC'),
        ('ANASTOMOTIC_LEAK', 'GASTROINTESTINAL'),
        ('CONDUIT_NECROSIS', 'GASTROINTESTINAL'),
        ('ILEUS', 'GASTROINTESTINAL'),
        ('SMALL_BOWEL_OBSTRUCTION', 'GASTROINTESTINAL'),
        ('FEEDING_JEJUNOSTOMY_COMPLICATION', 'GASTROINTESTINAL'),
        ('PYLOROPLASTY_COMPLICATION', 'GASTROINTESTINAL'),
        ('CLOSTRIDIOIDES_DIFFICILE_INFECTION', 'GASTROINTESTINAL'),
        ('GASTROINTESTINAL_BLEEDING', 'GASTROINTESTINAL'),
        ('DELAYED_CONDUIT_EMPTYING', 'GASTROINTESTINAL'),
        ('PANCREATITIS', 'GASTROINTESTINAL'),
        ('LIVER_DYSFUNCTION', 'GASTROINTESTINAL'),
        ('ACUTE_KIDNEY_INJURY', 'UROLOGIC'),
        ('ACUTE_RENAL_FAILURE_REQUIRING_DIALYSIS', 'UROLOGIC'),
        ('URINARY_TRACT_INFECTION', 'UROLOGIC'),
        ('URINARY_RETENTION', 'UROLOGIC'),
        ('DEEP_VEIN_THROMBOSIS', 'THROMBOEMBOLIC'),
        ('PULMONARY_EMBOLISM', 'THROMBOEMBOLIC'),
        ('STROKE', 'THROMBOEMBOLIC'),
        ('PERIPHERAL_THROMBOPHLEBITIS', 'THROMBOEMBOLIC'),
        ('RECURRENT_LARYNGEAL_NERVE_INJURY', 'NEUROLOGIC_PSYCHIATRIC'),
        ('OTHER_NEUROLOGICAL_INJURY', 'NEUROLOGIC_PSYCHIATRIC'),
        ('DELIRIUM', 'NEUROLOGIC_PSYCHIATRIC'),
        ('DELIRIUM_TREMENS', 'NEUROLOGIC_PSYCHIATRIC'),
        ('WOUND_INFECTION', 'INFECTION'),
        ('CENTRAL_LINE_INFECTION', 'INFECTION'),
        ('INTRATHORACIC_OR_INTRAABDOMINAL_ABSCESS', 'INFECTION'),
        ('SEPSIS', 'INFECTION'),
        ('OTHER_INFECTION', 'INFECTION'),
        ('THORACIC_WOUND_DEHISCENCE', 'WOUND_DIAPHRAGM'),
        ('ABDOMINAL_WALL_DEHISCENCE', 'WOUND_DIAPHRAGM'),
        ('DIAPHRAGMATIC_HERNIA', 'WOUND_DIAPHRAGM'),
        ('CHYLE_LEAK', 'OTHER'),
        ('REOPERATION_FOR_OTHER_REASON', 'OTHER'),
        ('MULTIPLE_ORGAN_DYSFUNCTION', 'OTHER'),
        ('OTHER', 'OTHER')
), tally as (
    select cc.case_id, 'GRADE:' || coalesce(cc.clavien_dindo, '') as key
    from case_complication cc
    union all
    select cc.case_id, 'CATEGORY:' || coalesce(m.category, '')
    from case_complication cc
    left join category m on m.complication_type = cc.complication_type
    union all
    select cc.case_id, 'ITEM:' || coalesce(cc.complication_type, '')
    from case_complication cc
    union all
    select cc.case_id, 'LEAK:' || coalesce(cc.eccg_severity, '')
    from case_complication cc
    where cc.complication_type = 'ANASTOMOTIC_LEAK'
), counted as (
    select case_id, key, count(*)::integer as n
    from tally
    group by case_id, key
), per_case as (
    select case_id,
           array_agg(key order by key collate "C") as keys,
           array_agg(n order by key collate "C") as counts
    from counted
    group by case_id
)
update surgical_case c
set complication_keys = p.keys,
    complication_key_counts = p.counts
from per_case p
where p.case_id = c.id;
